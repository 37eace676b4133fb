using Consolidation.Domain.Classification;
using static Consolidation.Domain.Rules.RowTerm;

namespace Consolidation.Domain.Rules;

/// <summary>
/// The catalogue of checks run on every submission. IDs are stable and never reused: BN = 表内 (within a table),
/// DM = 代码 (codes), TS = 提示性 plausibility. docs/rules.md lists them.
/// </summary>
public static class RuleCatalogue
{
    private static RuleInfo Hard(string id, string category, string title) => new(id, category, Severity.Mandatory, title);
    private static RuleInfo Warn(string id, string category, string title) => new(id, category, Severity.Advisory, title);
    private const string W = RuleCategory.WithinTable;

    private const string RowHint = "请核对该行各列金额。";
    private const string TotalHint = "请核对合计行与各类级科目的金额。";

    public static IReadOnlyList<IRule> Standard { get; } = Build(ClassificationCatalogue.Default);

    public static IReadOnlyList<IRule> Build(ClassificationCatalogue catalogue)
    {
        var rules = new List<IRule>
        {
            // T1 收入支出决算总表
            new CellIdentityRule(Hard("BN-T1-01", W, "T1 本年收入合计 = 八项收入之和"), "T1",
                [Of("incomeTotal")],
                [Of("generalBudgetAppropriation"), Of("governmentFundAppropriation"), Of("stateCapitalAppropriation"), Of("superiorSubsidy"),
                 Of("businessIncome"), Of("operatingIncome"), Of("subsidiaryRemittance"), Of("otherIncome")],
                "本年收入合计 = 各项收入之和", "请核对本年收入合计及各项收入。"),
            new CellIdentityRule(Hard("BN-T1-02", W, "T1 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"), "T1",
                [Of("incomeGrandTotal")], [Of("incomeTotal"), Of("nonFiscalBalanceUsed"), Of("openingBalance")],
                "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", "请核对收入总计。"),
            new CellIdentityRule(Hard("BN-T1-03", W, "T1 本年支出合计 = 各功能分类类级支出之和"), "T1",
                [Of("expenditureTotal")], [AllClasses],
                "本年支出合计 = 各类支出之和", "请核对本年支出合计及各类支出。"),
            new CellIdentityRule(Hard("BN-T1-04", W, "T1 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余"), "T1",
                [Of("expenditureGrandTotal")], [Of("expenditureTotal"), Of("surplusDistribution"), Of("closingBalance")],
                "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", "请核对支出总计。"),
            new CellIdentityRule(Hard("BN-T1-05", W, "T1 收入总计 = 支出总计（收支平衡）"), "T1",
                [Of("incomeGrandTotal")], [Of("expenditureGrandTotal")],
                "收入总计 = 支出总计", "收支总表不平衡，请核对年初、年末结转和结余。"),

            // T2 收入决算表
            new RowIdentityRule(Hard("BN-T2-01", W, "T2 每行 本年收入合计 = 各收入来源之和"), "T2",
                ["total"], ["fiscal", "superiorSubsidy", "business", "operating", "subsidiaryRemittance", "other"],
                "本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入", RowHint),
            new CellIdentityRule(Hard("BN-T2-02", W, "T2 合计 = 各类之和（每列）"), "T2", [Of("total")], [AllClasses], "合计 = 各类之和", TotalHint),
            new HierarchyRule(Hard("BN-T2-03", W, "T2 类 = Σ款，款 = Σ项（每列）"), "T2"),

            // T3 支出决算表
            new RowIdentityRule(Hard("BN-T3-01", W, "T3 每行 本年支出合计 = 各支出列之和"), "T3",
                ["total"], ["basic", "project", "remittanceToSuperior", "operating", "subsidyToSubsidiaries"],
                "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出", RowHint),
            new CellIdentityRule(Hard("BN-T3-02", W, "T3 合计 = 各类之和（每列）"), "T3", [Of("total")], [AllClasses], "合计 = 各类之和", TotalHint),
            new HierarchyRule(Hard("BN-T3-03", W, "T3 类 = Σ款，款 = Σ项（每列）"), "T3"),

            // T4 财政拨款收入支出决算总表
            new RowIdentityRule(Hard("BN-T4-01", W, "T4 每行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营"), "T4",
                ["total"], ["generalBudget", "governmentFund", "stateCapital"],
                "合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款", RowHint),
            new CellIdentityRule(Hard("BN-T4-02", W, "T4 收入总计 = 本年收入合计 + 年初财政拨款结转和结余（每列）"), "T4",
                [Of("incomeGrandTotal")], [Of("incomeCurrent"), Of("incomeOpening")],
                "收入总计 = 本年收入合计 + 年初财政拨款结转和结余", "请核对财政拨款收入总计。"),
            new CellIdentityRule(Hard("BN-T4-03", W, "T4 本年支出合计 = 各类支出之和（每列）"), "T4",
                [Of("expenditureTotal")], [AllClasses], "本年支出合计 = 各类支出之和", TotalHint),
            new CellIdentityRule(Hard("BN-T4-04", W, "T4 支出总计 = 本年支出合计 + 年末财政拨款结转和结余（每列）"), "T4",
                [Of("expenditureGrandTotal")], [Of("expenditureTotal"), Of("closingBalance")],
                "支出总计 = 本年支出合计 + 年末财政拨款结转和结余", "请核对财政拨款支出总计。"),
            new CellIdentityRule(Hard("BN-T4-05", W, "T4 收入总计 = 支出总计（每列）"), "T4",
                [Of("incomeGrandTotal")], [Of("expenditureGrandTotal")],
                "财政拨款收入总计 = 支出总计", "财政拨款收支总表不平衡，请核对年初、年末财政拨款结转和结余。"),

            // T5 一般公共预算财政拨款支出决算表
            new RowIdentityRule(Hard("BN-T5-01", W, "T5 每行 决算数合计 = 基本支出 + 项目支出"), "T5",
                ["total"], ["basic", "project"], "决算数合计 = 基本支出 + 项目支出", RowHint),
            new CellIdentityRule(Hard("BN-T5-02", W, "T5 合计 = 各类之和（每列，含年初预算数）"), "T5", [Of("total")], [AllClasses], "合计 = 各类之和", TotalHint),
            new HierarchyRule(Hard("BN-T5-03", W, "T5 类 = Σ款，款 = Σ项（每列）"), "T5"),

            // T6 一般公共预算财政拨款基本支出决算明细表
            new HierarchyRule(Hard("BN-T6-01", W, "T6 经济分类 类 = Σ款"), "T6"),
            new CellIdentityRule(Hard("BN-T6-02", W, "T6 人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助"), "T6",
                [Of("personnelTotal")], [Of("301"), Of("303")], "人员经费合计 = 301 + 303", "请核对人员经费合计。"),
            new CellIdentityRule(Hard("BN-T6-03", W, "T6 公用经费合计 = 302 商品和服务支出 + 310 资本性支出"), "T6",
                [Of("publicTotal")], [Of("302"), Of("310")], "公用经费合计 = 302 + 310", "请核对公用经费合计。"),
            new CellIdentityRule(Hard("BN-T6-04", W, "T6 合计 = 人员经费合计 + 公用经费合计"), "T6",
                [Of("total")], [Of("personnelTotal"), Of("publicTotal")], "合计 = 人员经费合计 + 公用经费合计", "请核对合计。"),

            // T7 财政拨款"三公"经费支出决算表
            new CellIdentityRule(Hard("BN-T7-01", W, "T7 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费（预算、决算）"), "T7",
                [Of("total")], [Of("outboundTravel"), Of("vehicles"), Of("reception")],
                "合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", "请核对“三公”经费合计。"),
            new CellIdentityRule(Hard("BN-T7-02", W, "T7 公务用车购置及运行维护费 = 购置费 + 运行维护费（预算、决算）"), "T7",
                [Of("vehicles")], [Of("vehiclePurchase"), Of("vehicleOperation")],
                "公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费", "请核对公务用车费用。"),
            new BudgetExceededRule(Warn("TS-T7-01", W, "T7 “三公”经费决算数超过预算数"), "T7"),

            // 代码
            new CodeShapeRule(Hard("DM-01", RuleCategory.Codes, "行编码格式：功能分类 3/5/7 位（T1、T4 仅类级 3 位），经济分类 3/5 位")),
            new UnknownClassRule(Hard("DM-02", RuleCategory.Codes, "类级编码须在分类科目中"), catalogue),
        };
        foreach (var id in new[] { "T8", "T9" })
        {
            var n = id == "T8" ? "政府性基金" : "国有资本经营";
            rules.Add(new RowIdentityRule(Hard($"BN-{id}-01", W, $"{id} 每行 年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余"), id,
                ["closingBalance", "expenditureTotal"], ["openingBalance", "income"], "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计", RowHint));
            rules.Add(new RowIdentityRule(Hard($"BN-{id}-02", W, $"{id} 每行 本年支出合计 = 基本支出 + 项目支出"), id,
                ["expenditureTotal"], ["basic", "project"], "本年支出合计 = 基本支出 + 项目支出", RowHint));
            rules.Add(new CellIdentityRule(Hard($"BN-{id}-03", W, $"{id} {n} 合计 = 各类之和（每列）"), id, [Of("total")], [AllClasses], "合计 = 各类之和", TotalHint));
            rules.Add(new HierarchyRule(Hard($"BN-{id}-04", W, $"{id} 类 = Σ款，款 = Σ项（每列）"), id));
        }
        return rules;
    }
}
