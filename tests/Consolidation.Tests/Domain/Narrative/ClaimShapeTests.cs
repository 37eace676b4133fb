using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// One test per claim shape, in the seed's phrasing and in other common ones, against the seed's corrected tables:
/// a sentence that agrees finds nothing; the same sentence with one number off finds exactly that.
/// </summary>
public class ClaimShapeTests
{
    private const string S1 = "一、收入支出决算总体情况说明\n";
    private const string S2 = "二、收入决算情况说明\n";
    private const string S3 = "三、支出决算情况说明\n";
    private const string S5 = "五、一般公共预算财政拨款支出决算情况说明\n";
    private const string S5Items = S5 + "（三）一般公共预算财政拨款支出决算具体情况\n";
    private const string Item1 = "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。\n";
    private const string Item8 = "8、商业服务业等支出（类）其他商业服务业等支出（款）其他商业服务业等支出（项）\n";

    /// <summary>
    /// The narrative findings (WZ) of the seed's corrected tables with this narrative. These sentences test the shapes of
    /// claims; the reason a paragraph owes its change (WZ-21) has tests of its own (TemplateWordingTests).
    /// </summary>
    private static List<Finding> Check(string narrative, FinalAccounts? lastYear = null, FinalAccounts? accounts = null) =>
        AccountsChecker.Standard.Check((accounts ?? Consistent()) with { Narrative = narrative }, lastYear).Findings
            .Where(f => f.Category == RuleCategory.Narrative && f.RuleId != NarrativeRules.ChangeWithoutReason).ToList();

    /// <summary>Last year's accounts as the seed implies them: 收支总计 1317.53, 财政拨款 931.51, 三公 6.30.</summary>
    private static FinalAccounts LastYear() => Consistent()
        .WithCell("T1", "incomeGrandTotal", "amount", Wan(1317.53m))
        .WithCell("T4", "incomeGrandTotal", "total", Wan(931.51m))
        .WithCell("T7", "total", "actual", Wan(6.30m));

    [Theory]
    [InlineData(S1 + "2023年度收、支总计949.54万元。")]
    [InlineData(S1 + "2023年度收、支总计各为949.54万元。")]
    [InlineData(S1 + "2023年度收入总计949.54万元，支出总计949.54万元。")]
    [InlineData(S1 + "2023年度收、支总计949.55万元。")] // 0.01 tail: both numbers rounded, 0.005 each
    [InlineData(S1 + "2023年度收、支总计9495400.00元。")]
    public void Amount_ThatIsItsCell_FindsNothing(string narrative) => Assert.Empty(Check(narrative));

    [Fact]
    public void Amount_BeyondTheTail_IsMandatory_WithTheCellItWasComparedWith()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计949.56万元。"));
        Assert.Equal((NarrativeRules.Amount, Severity.Mandatory), (f.RuleId, f.Severity));
        Assert.Equal("T1/incomeGrandTotal/amount", f.Location.Text);
        Assert.Equal((Wan(949.54m), Wan(949.56m), Wan(0.01m)), (f.Expected, f.Actual, f.Tolerance));
        Assert.Contains("「2023年度收、支总计949.56万元。」", f.Message);
        Assert.Contains("情况说明一（第 ", f.Message);
        Assert.Contains("收入支出决算总表「收入总计」行", f.Message);
    }

    [Fact]
    public void Amount_InYuan_BeyondHalfAStepOfTheTable_IsMandatory()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计9495600.00元。"));
        Assert.Equal(NarrativeRules.Amount, f.RuleId);
        Assert.Equal(Wan(0.005m), f.Tolerance); // the narrative in 元 is exact; the table's 万元 cell is rounded
    }

    [Theory]
    [InlineData(S2 + "2023年度收入合计886.82万元，其中：财政拨款收入791.59万元，占89.26%；其他收入95.23万元，占10.74%。")]
    [InlineData(S2 + "2023年度本年收入合计886.82万元，其中：财政拨款收入791.59万元，占本年收入合计的89.26%；其他收入95.23万元，占比10.74%。")]
    [InlineData(S3 + "2023年度支出合计921.87万元，其中：基本支出475.2万元，占51.55%；项目支出446.67万元，占48.45%。")]
    [InlineData(S5 + "（一）一般公共预算财政拨款支出决算总体情况\n2023年度财政拨款支出791.59万元，占本年支出合计的85.87%。")]
    public void Share_ThatIsTheRatio_FindsNothing(string narrative) => Assert.Empty(Check(narrative));

    [Fact]
    public void Share_OffByOneHundredth_IsMandatory_InBasisPoints()
    {
        var f = Assert.Single(Check(S2 + "2023年度收入合计886.82万元，其中：财政拨款收入791.59万元，占89.27%；其他收入95.23万元，占10.73%。"),
            x => x.Location.Row == "total" && x.RuleId == NarrativeRules.Share);
        Assert.Equal((8926L, 8927L, FindingQuantity.BasisPoints), (f.Expected, f.Actual, f.Quantity));
        Assert.Equal("T2/total/fiscal", f.Location.Text);
        Assert.Contains("应为 89.26%", f.Message);
    }

    [Fact]
    public void Share_WithItsOwnDenominator_UsesIt()
    {
        var f = Assert.Single(Check(S5 + "（一）一般公共预算财政拨款支出决算总体情况\n2023年度财政拨款支出791.59万元，占本年支出合计的85.88%。"));
        Assert.Equal((NarrativeRules.Share, 8587L), (f.RuleId, f.Expected));
        Assert.Contains("本年支出合计", f.Message);
    }

    [Theory]
    [InlineData(S1 + "2023年度收、支总计949.54万元。与上年相比，减少367.99万元，减少27.93%。")]
    [InlineData(S1 + "2023年度收、支总计949.54万元，比上年减少367.99万元，下降27.93%。")]
    [InlineData(S1 + "2023年度收、支总计949.54万元，较上年减少367.99万元，同比下降27.93%。")]
    public void YearOnYear_WithoutLastYear_AgreesWithItsOwnNumbers(string narrative) => Assert.Empty(Check(narrative));

    [Fact]
    public void YearOnYear_RateNotFromItsOwnNumbers_IsMandatory()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计949.54万元。与上年相比，减少367.99万元，减少27.94%。"));
        Assert.Equal((NarrativeRules.Change, 2793L, 2794L), (f.RuleId, f.Expected, f.Actual));
        Assert.Contains("1317.53", f.Message); // last year = this + the decrease
    }

    [Fact]
    public void YearOnYear_ChangeAndRateOfOppositeDirections_IsAWordingFinding()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计949.54万元。与上年相比，减少367.99万元，增长27.93%。"));
        Assert.Equal((NarrativeRules.Direction, Severity.Advisory), (f.RuleId, f.Severity));
    }

    [Theory]
    [InlineData(S1 + "2023年度收、支总计949.54万元。与上年相比，减少367.99万元，减少27.93%。")]
    [InlineData(S1 + "2023年度收、支总计949.54万元，同比下降27.93%。")]
    [InlineData(S5 + "（一）一般公共预算财政拨款支出决算总体情况\n四、财政拨款收入支出决算总体情况说明\n2023年度财政拨款收、支总计791.59万元，比上年减少139.92万元，减少15.02%。")]
    public void YearOnYear_WithLastYearOnFile_AgreesWithIt(string narrative) => Assert.Empty(Check(narrative, LastYear()));

    [Fact]
    public void YearOnYear_ChangeThatIsNotThisMinusLast_IsMandatory()
    {
        var findings = Check(S1 + "2023年度收、支总计949.54万元。与上年相比，减少360.00万元，减少27.32%。", LastYear());
        var f = Assert.Single(findings);
        Assert.Equal((NarrativeRules.Change, Wan(367.99m), Wan(360m)), (f.RuleId, f.Expected, f.Actual));
        Assert.Equal("T1/incomeGrandTotal/amount", f.Location.Text);
    }

    [Fact]
    public void YearOnYear_IncreaseWhereItFell_IsAWordingFinding()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计949.54万元，比上年增加367.99万元。", LastYear()));
        Assert.Equal(NarrativeRules.Direction, f.RuleId);
    }

    [Fact]
    public void YearOnYear_RateAloneWithoutLastYear_IsListedAsNeedingIt()
    {
        var f = Assert.Single(Check(S1 + "2023年度收、支总计949.54万元，同比下降27.93%。"));
        Assert.Equal((NarrativeRules.NeedsLastYear, Severity.Info), (f.RuleId, f.Severity));
    }

    [Theory]
    [InlineData("年初预算为366.09万元，支出决算为379.03万元，完成年初预算的103.53%，决算数大于年初预算数的主要原因是：年中预算追加。")]
    [InlineData("年初预算为366.09万元，支出决算为379.03万元，完成年初预算的103.5%，决算数高于年初预算数。")]
    public void Completion_AndDirection_ThatAgree_FindNothing(string line) => Assert.Empty(Check(S5Items + Item1 + line));

    [Fact]
    public void Completion_Wrong_IsMandatory()
    {
        var f = Assert.Single(Check(S5Items + Item1 + "年初预算为366.09万元，支出决算为379.03万元，完成年初预算的104.53%，决算数大于年初预算数。"));
        Assert.Equal((NarrativeRules.Completion, 10353L, 10453L), (f.RuleId, f.Expected, f.Actual));
        Assert.Equal("T5/2010301/budget", f.Location.Text);
    }

    [Fact]
    public void Completion_OfAZeroBudget_IsAdvisory()
    {
        var f = Assert.Single(Check(S5Items + Item8 + "年初预算为0万元，支出决算为203.59万元，完成年初预算的0%，决算数大于年初预算数。"));
        Assert.Equal((NarrativeRules.CompletionOfZeroBudget, Severity.Advisory), (f.RuleId, f.Severity));
    }

    [Fact]
    public void Direction_SmallerWhereTheActualExceedsAZeroBudget_IsAdvisory()
    {
        var f = Assert.Single(Check(S5Items + Item8 + "年初预算为0万元，支出决算为203.59万元。决算数小于年初预算数的主要原因是财政未下拨该预算指标"));
        Assert.Equal((NarrativeRules.Direction, Severity.Advisory), (f.RuleId, f.Severity));
        Assert.Equal("T5/2169999/total", f.Location.Text);
        Assert.Contains("「决算数小于年初预算数的主要原因是财政未下拨该预算指标」", f.Message);
    }

    [Fact]
    public void ListedSum_WithinTheTailOfItsParts_FindsNothing() =>
        Assert.Empty(Check("十二、关于政府采购支出说明\n本部门2023年度政府采购支出总额222.27万元，其中：政府采购货物支出51.91万元、政府采购工程支出22.04万元、政府采购服务支出148.31万元。"));

    [Fact]
    public void ListedSum_BeyondTheTailOfItsParts_IsMandatory()
    {
        var f = Assert.Single(Check("十二、关于政府采购支出说明\n本部门2023年度政府采购支出总额222.27万元，其中：政府采购货物支出51.91万元、政府采购工程支出22.04万元、政府采购服务支出148.21万元。"));
        Assert.Equal((NarrativeRules.ListedSum, Wan(222.16m), Wan(222.27m), Wan(0.015m)), (f.RuleId, f.Expected, f.Actual, f.Tolerance));
        Assert.Equal("NR/S12/S12.total", f.Location.Text);
    }

    [Fact]
    public void ListedCounts_ThatDoNotAdd_IsMandatory()
    {
        var f = Assert.Single(Check("十三、关于国有资产占用情况说明\n截至2023年12月31日，部门共有车辆2辆，其中，主要负责人用车0辆、应急保障用车1辆、其他用车0辆。"));
        Assert.Equal((NarrativeRules.ListedSum, 1L, 2L, FindingQuantity.Count), (f.RuleId, f.Expected, f.Actual, f.Quantity));
    }

    [Fact]
    public void Shares_ForcedToAHundred_AreFound()
    {
        var findings = Check(S5 + "（二）一般公共预算财政拨款支出决算结构情况\n2023年度财政拨款支出791.59万元，主要用于以下方面：一般公共服务（类）支出399.26万元，占50.44%；" +
                             "社会保障和就业支出（类）31.28万元，占3.95%；卫生健康支出（类）26.49万元，占3.35%；商业服务业等支出（类）203.59万元，占25.72%；" +
                             "住房保障支出29.33万元，占3.71%，其他支出101.64万元，占12.83%");
        Assert.Equal([NarrativeRules.Share, NarrativeRules.ForcedHundred], findings.Select(f => f.RuleId).Order());
        var forced = findings.Single(f => f.RuleId == NarrativeRules.ForcedHundred);
        Assert.Equal((10001L, 10000L), (forced.Expected, forced.Actual));
        Assert.Contains("其他支出 12.83%（应为 12.84%）", forced.Message);
    }

    [Fact]
    public void ClassName_NotTheCataloguesName_IsAdvisory()
    {
        var f = Assert.Single(Check(S5Items + "8、商品服务业等支出（类）其他商业服务业等支出（款）其他商业服务业等支出（项）\n年初预算为0万元，支出决算为203.59万元，决算数大于年初预算数。"));
        Assert.Equal((NarrativeRules.ClassName, Severity.Advisory, "T5/216/name"), (f.RuleId, f.Severity, f.Location.Text));
        Assert.Contains("商业服务业等支出", f.Message);
    }

    [Theory]
    [InlineData("决算数小于年初预算数的主要原因是是我单位有人员调出减少开支。", "是是")]
    [InlineData("2023年年度，本单位无举办节庆活动。", "年年度")]
    [InlineData("社会保障和就业支出（类）支出31.28万元。", "支出（类）支出")]
    [InlineData("完成预算的100%，，决算数等于预算数。", "，，")]
    public void DoubledWords_AreAdvisory(string sentence, string doubled)
    {
        var f = Assert.Single(Check("十五、其他说明\n" + sentence), x => x.RuleId == NarrativeRules.Wording);
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.Contains($"“{doubled}”", f.Message);
    }

    [Fact]
    public void AnAmountWithoutYuan_IsAWordingFinding()
    {
        var f = Assert.Single(Check("八、国有资本经营预算财政拨款支出决算情况\n2023年度国有资本经营预算财政拨款收入0万元；年初结转和结余0万；支出0万元。"));
        Assert.Equal(NarrativeRules.Wording, f.RuleId);
        Assert.Contains("“0万”缺少单位", f.Message);
    }

    [Fact]
    public void AListedItemTwice_IsAWordingFinding()
    {
        var f = Assert.Single(Check("六、一般公共预算财政拨款基本支出决算情况说明\n公用经费72.09万元，占基本支出的15.39%，主要包括办公费、劳务费、会议费、劳务费、工会经费。"));
        Assert.Equal(NarrativeRules.Wording, f.RuleId);
        Assert.Contains("“劳务费”在所列内容中重复出现 2 次", f.Message);
    }

    [Theory]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.50%。", null)]
    // 6.85 ± 0.005 over 72.09 − 6.85 = 65.24 (± 0.01): 10.49% … 10.51% can all be produced (interval reasoning); 10.60% cannot.
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.49%。", null)]
    [InlineData("本部门2023年度机关运行经费支出72.09万元，比年初预算数增加6.85万元，增长10.60%。", NarrativeRules.Change)]
    [InlineData("本部门2023年度机关运行经费支出72.19万元。", NarrativeRules.Amount)]
    public void RunningCosts_AreTheTablesPublicFunds(string line, string? rule)
    {
        var findings = Check("十、关于机关运行经费支出说明\n" + line);
        Assert.Equal(rule is null ? [] : [rule], findings.Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("会议费年初预算0.5万元，支出决算为0.25万元，完成年初预算的50%。用于召开口岸建设发展会议，人数30人。", null)]
    [InlineData("会议费年初预算0.5万元，支出决算为0.35万元，完成年初预算的70%。", NarrativeRules.MeetingAndTraining)]
    // 0.38 ± 0.005 over 0.50 ± 0.005 lies in 74.3% … 77.8%: a whole percent of 75% or 77% can be produced, 73% cannot.
    [InlineData("培训费年初预算0.5万元，支出决算为0.38万元，完成年初预算的75%。", null)]
    [InlineData("培训费年初预算0.5万元，支出决算为0.38万元，完成年初预算的73%。", NarrativeRules.Completion)]
    public void MeetingAndTraining_AgainstT6AndTheirOwnBudget(string line, string? rule)
    {
        var findings = Check("十一、一般性支出情况说明\n" + line);
        Assert.Equal(rule is null ? [] : [rule], findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Count_OfGroupsWithoutSpending_IsAdvisory()
    {
        var f = Assert.Single(Check("九、财政拨款三公经费支出决算情况说明\n1、因公出国（境）费支出决算为0万元，全年安排因公出国（境）团组2个，累计0人次。"));
        Assert.Equal((NarrativeRules.Count, Severity.Advisory, "T7/outboundTravel/actual"), (f.RuleId, f.Severity, f.Location.Text));
    }

    [Fact]
    public void StaffChange_IsCheckedAgainstLastYearsStaffing()
    {
        const string text = S1 + "2023年度收、支总计949.54万元，主要是因为我单位减少1名工作人员。";
        var last = LastYear() with { Staffing = new Staffing(25, 26, 7) };
        Assert.Empty(Check(text, last));
        var f = Assert.Single(Check(text, last with { Staffing = new Staffing(25, 28, 7) }));
        Assert.Equal((NarrativeRules.Count, -3L, -1L), (f.RuleId, f.Expected, f.Actual));
        Assert.Equal(NarrativeRules.NeedsLastYear, Assert.Single(Check(text)).RuleId);
    }

    [Fact]
    public void ClaimTiedToNothing_IsListedAsInformation()
    {
        var f = Assert.Single(Check("十四、关于2023年度预算绩效情况的说明\n城陵矶口岸集装箱吞吐量达到120.16万标箱。"));
        Assert.Equal((NarrativeRules.Untied, Severity.Info), (f.RuleId, f.Severity));
        Assert.Contains("120.16万标箱", f.Message);
    }

    [Fact]
    public void PerformanceTotals_WithTheTablesTail_FindNothing() =>
        Assert.Empty(Check("十四、关于2023年度预算绩效情况的说明\n（一）绩效管理工作开展情况\n2023年整体支出791.59万元，其中：基本支出468.29万元，项目支出323.3万元。"));

    [Fact]
    public void ClassRows_InSection3_AreTheirT3Rows() =>
        Assert.Empty(Check(S3 + "2023年度支出合计921.87万元，主要用于：一般公共服务支出406.16万元，商业服务业等支出326.97万元。"));

    [Fact]
    public void AnAmountNamingSomethingUnknown_IsUntied_NotComparedWithTheTopic()
    {
        var f = Assert.Single(Check(S3 + "2023年度支出合计921.87万元，其中：教育支出10万元。"));
        Assert.Equal(NarrativeRules.Untied, f.RuleId);
    }

    [Fact]
    public void NoChangeFromLastYear_IsCheckedWhenLastYearIsOnFile()
    {
        const string text = "九、财政拨款三公经费支出决算情况说明\n因公出国（境）费支出预算为0万元，支出决算为0万元，决算数等于预算数；与上年一致，无增减变动。";
        Assert.Empty(Check(text, LastYear()));
        var f = Assert.Single(Check(text, LastYear().WithCell("T7", "outboundTravel", "actual", Wan(1m))));
        Assert.Equal((NarrativeRules.Direction, "T7/outboundTravel/actual"), (f.RuleId, f.Location.Text));
    }

    [Fact]
    public void NoNarrative_FindsNothing() => Assert.Empty(Check(""));
}
