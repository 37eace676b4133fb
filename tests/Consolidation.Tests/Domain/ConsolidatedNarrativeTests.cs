using Consolidation.Domain.Consolidation;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>第三部分 generated from consolidated numbers, in the seed's sentence shapes (golden lines from the seed's own figures).</summary>
public sealed class ConsolidatedNarrativeTests
{
    private static string Narrative(Consolidation.Domain.Model.FinalAccounts? lastYear = null) =>
        ConsolidatedNarrative.Generate(Consolidator.Consolidate(2023, [(new SubmissionRef("431001", "口岸办", 1, "h"), Consistent())]).Totals, lastYear);

    [Fact]
    public void Narrative_StatesTheSeedsFigures_InTheSeedsPhrasing()
    {
        var text = Narrative();
        Assert.StartsWith(ConsolidatedNarrative.RoundingNote, text);
        Assert.Contains("2023年度收、支总计949.54万元。", text);
        Assert.Contains("2023年度收入合计886.82万元，其中：财政拨款收入791.59万元，占89.26%；上级补助收入0.00万元，占0.00%；", text);
        Assert.Contains("其他收入95.23万元，占10.74%。", text);
        Assert.Contains("2023年度支出合计921.87万元，其中：基本支出475.20万元，占51.55%；项目支出446.67万元，占48.45%；", text);
        Assert.Contains("一般公共服务（类）支出399.26万元，占50.44%", text);
        Assert.Contains("人员经费396.21万元，占基本支出的84.61%；公用经费72.09万元，占基本支出的15.39%。", text);
        Assert.Contains("“三公”经费财政拨款支出预算为3.48万元，支出决算为3.48万元，完成预算的100.00%", text);
        Assert.Contains("公务接待费支出决算2.23万元，占64.08%", text);
        Assert.Contains("2023年度机关运行经费支出72.09万元（按一般公共预算财政拨款基本支出中的公用经费计）。", text);
        Assert.Contains("纳入汇总的单位未报送政府采购支出数据", text);
    }

    [Fact]
    public void YearOnYear_SaysIncreaseOrDecrease_WithAmountAndRate()
    {
        var lastYear = Consistent().WithCell("T1", "incomeGrandTotal", "amount", Wan(1317.53m)).WithCell("T7", "total", "actual", Wan(6.30m));
        var text = Narrative(lastYear);
        Assert.Contains("2023年度收、支总计949.54万元。与上年相比，减少367.99万元，减少27.93%。", text);
        Assert.Contains("与上年相比，“三公”经费财政拨款支出减少2.82万元，减少44.76%。", text);
        Assert.Equal("与上年相比，增加1.00万元，增长100.00%。", ConsolidatedNarrative.Change(2_000_000, 1_000_000));
        Assert.Equal("与上年相比，无增减变动。", ConsolidatedNarrative.Change(5, 5));
    }

    [Fact]
    public void Procurement_WhenSupplied_IsStatedWithItsParts()
    {
        var totals = Consolidator.Consolidate(2023, [(new SubmissionRef("431001", "口岸办", 1, "h"), Consistent())]).Totals;
        var text = ConsolidatedNarrative.Generate(totals, null, new ConsolidatedNarrative.Procurement(Wan(51.91m), Wan(22.04m), Wan(148.31m)));
        Assert.Contains("2023年度政府采购支出总额222.26万元，其中：政府采购货物支出51.91万元、政府采购工程支出22.04万元、政府采购服务支出148.31万元。", text);
    }
}
