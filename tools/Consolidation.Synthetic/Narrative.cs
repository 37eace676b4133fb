using System.Text;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;

namespace Consolidation.Synthetic;

/// <summary>
/// 决算情况说明 in the sentence shapes of the published disclosures (the seed's), every amount and share computed from
/// the tables with <see cref="Money.FormatWanYuan"/> and <see cref="Money.Percent"/>. Synthetic accounts have no
/// previous year, so no year-on-year change is stated.
/// </summary>
public static class Narrative
{
    public static string Write(FinalAccounts a)
    {
        var t1 = a["T1"];
        var t3 = a["T3"];
        var t4 = a["T4"];
        var t5 = a["T5"];
        var t6 = a["T6"];
        var t7 = a["T7"];
        var t8 = a["T8"];
        var y = a.FiscalYear;
        static string W(long fen) => Money.FormatWanYuan(fen) + "万元";
        static string Share(long part, long whole) => Money.Percent(part, whole);
        var sb = new StringBuilder();
        if (a.Precision == AmountPrecision.Yuan)
            sb.Append("（说明：本部门决算数据以“元”为单位编制，以下文字说明中的金额换算为“万元”并四舍五入保留两位小数，各项数据之间可能存在0.01万元的尾数差异。）\n");

        sb.Append("一、收入支出决算总体情况说明\n");
        sb.Append($"{y}年度收、支总计{W(t1.Fixed("incomeGrandTotal", "amount"))}。\n");

        sb.Append("二、收入决算情况说明\n");
        var income = t1.Fixed("incomeTotal", "amount");
        var fiscal = t1.Fixed("generalBudgetAppropriation", "amount") + t1.Fixed("governmentFundAppropriation", "amount") + t1.Fixed("stateCapitalAppropriation", "amount");
        var sources = new (string Name, long Fen)[]
        {
            ("财政拨款收入", fiscal), ("上级补助收入", t1.Fixed("superiorSubsidy", "amount")), ("事业收入", t1.Fixed("businessIncome", "amount")),
            ("经营收入", t1.Fixed("operatingIncome", "amount")), ("附属单位上缴收入", t1.Fixed("subsidiaryRemittance", "amount")),
            ("其他收入", t1.Fixed("otherIncome", "amount")),
        };
        sb.Append($"{y}年度收入合计{W(income)}，其中：")
          .Append(string.Join("；", sources.Select(s => $"{s.Name}{W(s.Fen)}，占{Share(s.Fen, income)}"))).Append("。\n");

        sb.Append("三、支出决算情况说明\n");
        var spent = t3.Fixed("total", "total");
        var uses = new (string Name, string Column)[]
        {
            ("基本支出", "basic"), ("项目支出", "project"), ("上缴上级支出", "remittanceToSuperior"), ("经营支出", "operating"),
            ("对附属单位补助支出", "subsidyToSubsidiaries"),
        };
        sb.Append($"{y}年度支出合计{W(spent)}，其中：")
          .Append(string.Join("；", uses.Select(u => $"{u.Name}{W(t3.Fixed("total", u.Column))}，占{Share(t3.Fixed("total", u.Column), spent)}"))).Append("。\n");

        sb.Append("四、财政拨款收入支出决算总体情况说明\n");
        sb.Append($"{y}年度财政拨款收、支总计{W(t4.Fixed("incomeGrandTotal", "total"))}。\n");

        sb.Append("五、一般公共预算财政拨款支出决算情况说明\n");
        var general = t5.Fixed("total", "total");
        sb.Append("（一）一般公共预算财政拨款支出决算总体情况\n");
        sb.Append($"{y}年度一般公共预算财政拨款支出{W(general)}，占本年支出合计的{Share(general, spent)}。\n");
        sb.Append("（二）一般公共预算财政拨款支出决算结构情况\n");
        // Columns by their layout keys, never by position.
        var (t5Budget, t5Actual) = (StandardLayouts.T5.ColumnIndex("budget"), StandardLayouts.T5.ColumnIndex("total"));
        var classes = t5.Rows.Where(r => r.Code.Length == 3 && r[t5Actual] > 0).ToList();
        sb.Append($"{y}年度一般公共预算财政拨款支出{W(general)}，主要用于以下方面：")
          .Append(string.Join("；", classes.Select(r => $"{r.Name}（类）{W(r[t5Actual])}，占{Share(r[t5Actual], general)}"))).Append("。\n");
        sb.Append("（三）一般公共预算财政拨款支出决算具体情况\n");
        var budget = t5.Fixed("total", "budget");
        sb.Append($"{y}年度一般公共预算财政拨款支出年初预算数为{W(budget)}，支出决算数为{W(general)}")
          .Append(budget > 0 ? $"，完成年初预算的{Share(general, budget)}" : "").Append("，其中：\n");
        var names = t5.Rows.ToDictionary(r => r.Code, r => r.Name);
        var n = 0;
        foreach (var item in t5.Rows.Where(r => r.Code.Length == 7))
        {
            var (itemBudget, itemActual) = (item[t5Budget], item[t5Actual]);
            sb.Append($"{++n}、{names[item.Code[..3]]}（类）{names[item.Code[..5]]}（款）{item.Name}（项）。");
            sb.Append($"年初预算为{W(itemBudget)}，支出决算为{W(itemActual)}");
            if (itemBudget > 0) sb.Append($"，完成年初预算的{Share(itemActual, itemBudget)}");
            sb.Append(itemActual > itemBudget ? $"，决算数大于年初预算数的主要原因是：{(itemBudget == 0 ? "年初未纳入预算，年中追加安排" : "年中追加预算")}。\n"
                : itemActual < itemBudget ? $"，决算数小于年初预算数的主要原因是：{(itemActual == 0 ? "该项预算指标年内未下达" : "厉行节约，压减一般性支出")}。\n"
                : "，决算数等于年初预算数的主要原因是：严格按照预算执行。\n");
        }

        sb.Append("六、一般公共预算财政拨款基本支出决算情况说明\n");
        var basic = t6.Fixed("total", "amount");
        var personnel = t6.Fixed("personnelTotal", "amount");
        var publicFunds = t6.Fixed("publicTotal", "amount");
        string Items(params string[] classCodes) => string.Join("、", t6.Rows.Where(r => r.Code.Length == 5 && classCodes.Contains(r.Code[..3])).Select(r => r.Name));
        sb.Append($"{y}年度一般公共预算财政拨款基本支出{W(basic)}，其中：\n");
        sb.Append($"人员经费{W(personnel)}，占基本支出的{Share(personnel, basic)}，主要包括{Items("301", "303")}。\n");
        sb.Append($"公用经费{W(publicFunds)}，占基本支出的{Share(publicFunds, basic)}，主要包括{Items("302", "310")}。\n");

        sb.Append("七、政府性基金预算财政拨款收入支出决算情况说明\n");
        var fund = t8.FixedRows["total"];
        long Fund(string column) => t8.Fixed("total", column);
        if (fund.All(v => v == 0)) sb.Append($"{y}年度本部门没有政府性基金预算财政拨款收入和支出，故政府性基金预算财政拨款收入支出决算表无数据。\n");
        else
            sb.Append($"{y}年度政府性基金预算财政拨款收入{W(Fund("income"))}；年初结转和结余{W(Fund("openingBalance"))}；支出{W(Fund("expenditureTotal"))}，其中基本支出{W(Fund("basic"))}，项目支出{W(Fund("project"))}；年末结转和结余{W(Fund("closingBalance"))}。\n");

        sb.Append("八、国有资本经营预算财政拨款支出决算情况说明\n");
        sb.Append($"{y}年度本部门没有国有资本经营预算财政拨款收入和支出，故国有资本经营预算财政拨款支出决算表无数据。\n");

        sb.Append("九、财政拨款“三公”经费支出决算情况说明\n");
        string Line(string name, string row)
        {
            var (b, act) = (t7.Fixed(row, "budget"), t7.Fixed(row, "actual"));
            return $"{name}支出预算为{W(b)}，支出决算为{W(act)}" + (b > 0 ? $"，完成预算的{Share(act, b)}" : "");
        }
        sb.Append("“三公”经费财政拨款").Append(Line("", "total")).Append("。其中：")
          .Append(string.Join("；", new[] { ("因公出国（境）费", "outboundTravel"), ("公务接待费", "reception"), ("公务用车购置费", "vehiclePurchase"), ("公务用车运行维护费", "vehicleOperation") }
              .Select(x => Line(x.Item1, x.Item2)))).Append("。\n");

        if (a.Composition.Self.Type == UnitType.Administrative)
        {
            sb.Append("十、关于机关运行经费支出说明\n");
            sb.Append($"本部门{y}年度机关运行经费支出{W(publicFunds)}。\n");
        }
        return sb.ToString();
    }
}
