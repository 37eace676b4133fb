using System.Text;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>
/// 第三部分 决算情况说明, generated from consolidated tables in the seed's sentence shapes: totals with year-on-year
/// change (against last year's published consolidation, when there is one), income and expenditure by kind with
/// shares, 财政拨款 by fund and by 类, 基本支出 = 人员经费 + 公用经费, 三公 with its parts, 机关运行经费 (= T6 公用经费) and
/// 政府采购 when figures exist. Every amount is the table's 分 value rounded once to 万元; shares come from integers.
/// </summary>
public static class ConsolidatedNarrative
{
    /// <summary>The rounding note, as the seed's 说明 1 and 2 state it, adapted to a consolidation.</summary>
    public const string RoundingNote =
        "（说明：1、本汇总由各单位决算数据以“元”（精确到分）逐项相加并抵销单位间内部往来后得出，而本汇总的文字说明和公开表格数据" +
        "转换为“金额单位：万元”（四舍五入保留两位小数）显示，可能导致以下文字说明中的各项数据以及公开表格中的各项数据之间存在0.01的尾数差异。" +
        "2、以下文字说明中，部分科目由于预算数为0，无法计算完成年初预算的百分比，故未描述“完成年初预算的XX%”。）";

    /// <summary>政府采购 figures (分), when another source supplies them.</summary>
    public sealed record Procurement(long Goods, long Works, long Services);

    public static string Generate(FinalAccounts totals, FinalAccounts? lastYear, Procurement? procurement = null)
    {
        var y = totals.FiscalYear;
        var t1 = totals["T1"];
        var t3 = totals["T3"];
        var t4 = totals["T4"];
        var t5 = totals["T5"];
        var t6 = totals["T6"];
        var t7 = totals["T7"];
        var sb = new StringBuilder();
        sb.AppendLine(RoundingNote);

        sb.AppendLine("一、收入支出决算总体情况说明");
        var grand = t1.Fixed("incomeGrandTotal", "amount");
        sb.AppendLine($"{y}年度收、支总计{W(grand)}万元。{Change(grand, lastYear?["T1"].Fixed("incomeGrandTotal", "amount"))}");

        sb.AppendLine("二、收入决算情况说明");
        var income = t1.Fixed("incomeTotal", "amount");
        var fiscal = t1.Fixed("generalBudgetAppropriation", "amount") + t1.Fixed("governmentFundAppropriation", "amount")
            + t1.Fixed("stateCapitalAppropriation", "amount");
        sb.AppendLine($"{y}年度收入合计{W(income)}万元，其中：" + string.Join("；",
            new (string, long)[]
            {
                ("财政拨款收入", fiscal), ("上级补助收入", t1.Fixed("superiorSubsidy", "amount")), ("事业收入", t1.Fixed("businessIncome", "amount")),
                ("经营收入", t1.Fixed("operatingIncome", "amount")), ("附属单位上缴收入", t1.Fixed("subsidiaryRemittance", "amount")),
                ("其他收入", t1.Fixed("otherIncome", "amount")),
            }.Select(p => $"{p.Item1}{W(p.Item2)}万元，占{Money.Percent(p.Item2, income)}")) + "。");

        sb.AppendLine("三、支出决算情况说明");
        var spending = t3.Fixed("total", "total");
        sb.AppendLine($"{y}年度支出合计{W(spending)}万元，其中：" + string.Join("；",
            new (string, string)[]
            {
                ("基本支出", "basic"), ("项目支出", "project"), ("上缴上级支出", "remittanceToSuperior"), ("经营支出", "operating"),
                ("对附属单位补助支出", "subsidyToSubsidiaries"),
            }.Select(p => $"{p.Item1}{W(t3.Fixed("total", p.Item2))}万元，占{Money.Percent(t3.Fixed("total", p.Item2), spending)}")) + "。");

        sb.AppendLine("四、财政拨款收入支出决算总体情况说明");
        var fiscalGrand = t4.Fixed("incomeGrandTotal", "total");
        sb.AppendLine($"{y}年度财政拨款收、支总计{W(fiscalGrand)}万元，{Change(fiscalGrand, lastYear?["T4"].Fixed("incomeGrandTotal", "total"))}");

        sb.AppendLine("五、一般公共预算财政拨款支出决算情况说明");
        sb.AppendLine("（一）一般公共预算财政拨款支出决算总体情况");
        var general = t5.Fixed("total", "total");
        sb.AppendLine($"{y}年度一般公共预算财政拨款支出{W(general)}万元，占本年支出合计的{Money.Percent(general, t1.Fixed("expenditureTotal", "amount"))}，" +
            Change(general, lastYear?["T5"].Fixed("total", "total"), subject: "一般公共预算财政拨款支出"));
        sb.AppendLine("（二）一般公共预算财政拨款支出决算结构情况");
        var classes = t5.Rows.Where(r => r.Code.Length == 3 && r.Values[t5.Layout.ColumnIndex("total")] != 0).ToList();
        sb.AppendLine(classes.Count == 0
            ? $"{y}年度没有一般公共预算财政拨款支出。"
            : $"{y}年度一般公共预算财政拨款支出{W(general)}万元，主要用于以下方面：" + string.Join("；", classes.Select(r =>
            {
                var v = r.Values[t5.Layout.ColumnIndex("total")];
                var name = r.Name.EndsWith("支出", StringComparison.Ordinal) ? r.Name[..^2] : r.Name; // 一般公共服务（类）支出, as the seed writes it
                return $"{name}（类）支出{W(v)}万元，占{Money.Percent(v, general)}";
            })) + "。");
        sb.AppendLine("（三）一般公共预算财政拨款支出决算具体情况");
        var budget = t5.Fixed("total", "budget");
        sb.AppendLine($"{y}年度一般公共预算财政拨款支出年初预算数为{W(budget)}万元，支出决算数为{W(general)}万元" +
            (budget == 0 ? "。" : $"，完成年初预算的{Money.Percent(general, budget)}。"));

        sb.AppendLine("六、一般公共预算财政拨款基本支出决算情况说明");
        var basic = t6.Fixed("total", "amount");
        var personnel = t6.Fixed("personnelTotal", "amount");
        var publicFunds = t6.Fixed("publicTotal", "amount");
        sb.AppendLine($"{y}年度一般公共预算财政拨款基本支出{W(basic)}万元，其中：人员经费{W(personnel)}万元，占基本支出的{Money.Percent(personnel, basic)}；" +
            $"公用经费{W(publicFunds)}万元，占基本支出的{Money.Percent(publicFunds, basic)}。");

        sb.AppendLine("七、政府性基金预算收入支出决算情况");
        sb.AppendLine(FundSentence(y, "政府性基金预算", totals["T8"]));
        sb.AppendLine("八、国有资本经营预算财政拨款支出决算情况");
        sb.AppendLine(FundSentence(y, "国有资本经营预算", totals["T9"]));

        sb.AppendLine("九、财政拨款三公经费支出决算情况说明");
        var threeBudget = t7.Fixed("total", "budget");
        var three = t7.Fixed("total", "actual");
        sb.AppendLine($"“三公”经费财政拨款支出预算为{W(threeBudget)}万元，支出决算为{W(three)}万元" +
            (threeBudget == 0 ? "，" : $"，完成预算的{Money.Percent(three, threeBudget)}，") +
            Change(three, lastYear?["T7"].Fixed("total", "actual"), subject: "“三公”经费财政拨款支出"));
        var outbound = t7.Fixed("outboundTravel", "actual");
        var vehicles = t7.Fixed("vehicles", "actual");
        var reception = t7.Fixed("reception", "actual");
        sb.AppendLine($"{y}年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算{W(outbound)}万元，占{Money.Percent(outbound, three)}；" +
            $"公务用车购置及运行维护费支出决算{W(vehicles)}万元，占{Money.Percent(vehicles, three)}（其中：公务用车购置费{W(t7.Fixed("vehiclePurchase", "actual"))}万元，" +
            $"公务用车运行维护费{W(t7.Fixed("vehicleOperation", "actual"))}万元）；公务接待费支出决算{W(reception)}万元，占{Money.Percent(reception, three)}。");

        sb.AppendLine("十、关于机关运行经费支出说明");
        sb.AppendLine($"{y}年度机关运行经费支出{W(publicFunds)}万元（按一般公共预算财政拨款基本支出中的公用经费计）。" +
            Change(publicFunds, lastYear?["T6"].Fixed("publicTotal", "amount"), subject: "机关运行经费"));

        sb.AppendLine("十一、关于政府采购支出说明");
        if (procurement is null)
            sb.AppendLine("纳入汇总的单位未报送政府采购支出数据，本汇总不反映政府采购支出情况。");
        else
        {
            var total = procurement.Goods + procurement.Works + procurement.Services;
            sb.AppendLine($"{y}年度政府采购支出总额{W(total)}万元，其中：政府采购货物支出{W(procurement.Goods)}万元、" +
                $"政府采购工程支出{W(procurement.Works)}万元、政府采购服务支出{W(procurement.Services)}万元。");
        }
        return sb.ToString();
    }

    private static string FundSentence(int y, string fund, Table t) =>
        $"{y}年度{fund}财政拨款收入{W(t.Fixed("total", "income"))}万元；年初结转和结余{W(t.Fixed("total", "openingBalance"))}万元；" +
        $"支出{W(t.Fixed("total", "expenditureTotal"))}万元，其中基本支出{W(t.Fixed("total", "basic"))}万元，项目支出{W(t.Fixed("total", "project"))}万元；" +
        $"年末结转和结余{W(t.Fixed("total", "closingBalance"))}万元。";

    /// <summary>"与上年相比，减少367.99万元，减少27.93%。" — or why there is no comparison.</summary>
    public static string Change(long current, long? last, string subject = "")
    {
        if (last is not { } previous) return "上年没有已发布的汇总结果，未作同比比较。";
        var lead = subject.Length > 0 ? $"与上年相比，{subject}" : "与上年相比，";
        var d = current - previous;
        if (d == 0) return $"{lead}无增减变动。";
        var word = d > 0 ? "增加" : "减少";
        var rate = previous == 0 ? "" : $"，{(d > 0 ? "增长" : "减少")}{Money.Percent(Math.Abs(d), previous)}";
        return $"{lead}{word}{W(Math.Abs(d))}万元{rate}。";
    }

    private static string W(long fen) => Money.FormatWanYuan(fen);
}
