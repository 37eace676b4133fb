using Consolidation.Domain.Classification;
using Consolidation.Domain.Rules.Formulas;

namespace Consolidation.Domain.Rules;

/// <summary>
/// The catalogue of checks run on every submission: the table identities of the fiscal year, read from its identities
/// file (data: Rules/Data/identities-YYYY.txt, see docs/identities.md), followed by the rules written in code (codes,
/// plausibility, cross-year availability). IDs are stable and never reused: BN = 表内, BJ = 表间, KN = 跨年,
/// DM = 代码, TS = 提示性 plausibility, WZ = 文字与数据. docs/rules.md lists them.
/// </summary>
public static class RuleCatalogue
{
    /// <summary>The fiscal year whose rules <see cref="Standard"/> holds and docs/rules.md lists.</summary>
    public const int DefaultYear = 2023;

    private static RuleInfo Hard(string id, string category, string title) => new(id, category, Severity.Mandatory, title);
    private static RuleInfo Warn(string id, string category, string title) => new(id, category, Severity.Advisory, title);
    private static RuleInfo Info(string id, string category, string title) => new(id, category, Severity.Info, title);

    /// <summary>The identities files shipped with the server, one per fiscal year.</summary>
    public static IReadOnlyList<IdentitySet> EmbeddedIdentities { get; } = IdentityFile.Embedded();

    /// <summary>The rules of <see cref="DefaultYear"/> with the shipped identities and catalogues.</summary>
    public static IReadOnlyList<IRule> Standard { get; } = Build(EmbeddedIdentities.Single(s => s.Year == DefaultYear), ClassificationCatalogue.Default);

    /// <summary>One year's catalogue: its identities (data), then the rules written in code.</summary>
    public static IReadOnlyList<IRule> Build(IdentitySet identities, ClassificationCatalogue catalogue)
    {
        var rules = new List<IRule>(identities.Rules);
        var ids = rules.Select(r => r.Info.Id).ToHashSet();
        foreach (var rule in CodeRules(catalogue))
        {
            if (!ids.Add(rule.Info.Id))
                throw new IdentityFileException(identities.Source, [new IdentityFileError(0, $"规则编号 {rule.Info.Id} 已由程序内置规则使用，审核公式文件不得重复使用")]);
            rules.Add(rule);
        }
        return rules;
    }

    /// <summary>The rules written in code: what a formula cannot say.</summary>
    public static IReadOnlyList<IRule> CodeRules(ClassificationCatalogue catalogue) =>
    [
        // T7 三公: each line's actual against its budget
        new BudgetExceededRule(Warn("TS-T7-01", RuleCategory.WithinTable, "T7 “三公”经费决算数超过预算数"), "T7"),

        // 代码
        new CodeShapeRule(Hard("DM-01", RuleCategory.Codes, "行编码格式：功能分类 3/5/7 位（T1、T4 仅类级 3 位），经济分类 3/5 位")),
        new UnknownClassRule(Hard("DM-02", RuleCategory.Codes, "类级编码须在分类科目中"), catalogue),
        new UncataloguedCodeRule(Warn("DM-03", RuleCategory.Codes, "款、项级编码不在分类科目目录中（目录不全，须核实）"), catalogue),
        new CatalogueNameRule(Warn("DM-04", RuleCategory.Codes, "科目名称与分类科目目录中该编码的名称不符（全角、半角括号视为相同）"), catalogue),

        // 跨年
        new LastYearMissingRule(Info("KN-01", RuleCategory.AcrossYears, "库中无本部门上年已接收决算，跨年核对未执行")),

        // 补充资料 and plausibility
        new ProcurementTotalRule(Hard("BN-S-01", RuleCategory.WithinTable, "补充资料 政府采购支出总额 = 货物 + 工程 + 服务")),
        new VehiclesRunningCostRule(Warn("TS-CL-01", RuleCategory.BetweenTables, "有公务用车保有量却无公务用车运行维护费，或无车却有运行维护费")),
        new OperatingCostRule(Warn("TS-JG-01", RuleCategory.BetweenTables, "行政单位 机关运行经费（补充资料）= T6 公用经费合计")),
    ];
}
