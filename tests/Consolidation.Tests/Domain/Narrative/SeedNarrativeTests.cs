using Consolidation.Domain.Checking;
using Consolidation.Domain.Narrative;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain.Narrative;

/// <summary>
/// The seed's real narrative with its rebuilt tables: every real error found, each quoting its sentence; the 0.01 tails
/// its note 1 explains not reported; and every finding it gives is one of the known real ones (no false finding).
/// </summary>
public class SeedNarrativeTests
{
    private static readonly List<Finding> Findings = AccountsChecker.Standard.Check(Seed()).Findings
        .Where(f => f.Category == RuleCategory.Narrative).ToList();

    private static Finding One(string ruleId, string location) =>
        Assert.Single(Findings, f => f.RuleId == ruleId && f.Location.Text == location);

    [Fact]
    public void Item8_SaysSmallerAlthoughTheActualExceedsAZeroBudget()
    {
        var f = One(NarrativeRules.Direction, "T5/2169999/total");
        Assert.Equal(Severity.Advisory, f.Severity);
        Assert.Equal((0L, Wan(203.59m)), (f.Expected, f.Actual));
        Assert.Contains("情况说明五（三）第8项", f.Message);
        Assert.Contains("「决算数小于年初预算数的主要原因是财政未下拨该预算指标」", f.Message);
    }

    [Fact]
    public void Item8_ClassName_IsNotTheCataloguesName()
    {
        var f = One(NarrativeRules.ClassName, "T5/216/name");
        Assert.Contains("商品服务业等支出（类）", f.Message);
        Assert.Contains("“商业服务业等支出”", f.Message);
    }

    [Fact]
    public void OtherExpenditureShare_1283_IsWrong_AndForcedTheSharesToAHundred()
    {
        var share = One(NarrativeRules.Share, "T5/229/total");
        Assert.Equal((Severity.Mandatory, 1284L, 1283L), (share.Severity, share.Expected, share.Actual));
        Assert.Contains("其他支出101.64万元，占12.83%」", share.Message);
        var forced = One(NarrativeRules.ForcedHundred, "NR/S5.2/shares:T5.total");
        Assert.Equal((10001L, 10000L), (forced.Expected, forced.Actual));
    }

    [Fact]
    public void StatedBudgetTotal_463_48_IsNotReachedByItsItems()
    {
        var f = One(NarrativeRules.ListedSum, "T5/total/budget");
        Assert.Equal((Severity.Mandatory, Wan(461.57m), Wan(463.48m), Wan(0.045m)), (f.Severity, f.Expected, f.Actual, f.Tolerance));
        Assert.Contains("「2023年度财政拨款支出年初预算数为463.48万元", f.Message);
    }

    [Fact]
    public void RunningCostsRate_1049_CanBeProducedByItsPrintedFigures()
    {
        // 6.85 / 65.24 = 10.4997% rounds to 10.50%, but 6.85 stands for [6.845, 6.855) and 65.24 = 72.09 − 6.85 for
        // (65.23, 65.25): 6.845 / 65.25 = 10.490%. Some values inside the printed intervals give 10.49%: not an error.
        Assert.DoesNotContain(Findings, f => f.RuleId == NarrativeRules.Change && f.Location.Text == "T6/publicTotal/amount");
    }

    [Fact]
    public void WordingErrors_AreAdvisory()
    {
        var wording = Findings.Where(f => f.RuleId == NarrativeRules.Wording).Select(f => f.Location.Text).ToList();
        Assert.Equal(
        [
            "NR/S11/年年度", "NR/S14.3/和和", "NR/S5.2/支出（类）支出", "NR/S5.2/支出（类）支出", "NR/S5.2/支出（类）支出",
            "NR/S5.3.7/是是", "NR/S6/劳务费", "NR/S8/0万", "NR/S9.1/，，",
        ], wording.Order(StringComparer.Ordinal));
        Assert.All(Findings.Where(f => f.RuleId == NarrativeRules.Wording), f => Assert.Equal(Severity.Advisory, f.Severity));
    }

    [Fact]
    public void TailGapsOfNote1_AreNotFindings()
    {
        // 基本支出 468.3 (六) and 468.29 (十四) against T5 468.30; 项目 323.3 against 323.29; 政府采购 51.91 + 22.04 + 148.31 = 222.26 vs 222.27.
        Assert.DoesNotContain(Findings, f => f.Location.Text is "T5/total/basic" or "T5/total/project" or "T6/total/amount" or "NR/S12/S12.total");
        Assert.DoesNotContain(Findings, f => f.Message.Contains("468.29") || f.Message.Contains("222.2"));
    }

    [Fact]
    public void EveryFindingIsOneOfItsRealErrors_OrANumberNoTableHolds()
    {
        var expected = new[]
        {
            "WZ-02 T5/229/total", "WZ-06 T5/2169999/total", "WZ-07 T5/total/budget", "WZ-08 NR/S5.2/shares:T5.total",
            "WZ-09 T5/216/name",
            "WZ-10 NR/S11/年年度", "WZ-10 NR/S14.3/和和", "WZ-10 NR/S5.2/支出（类）支出", "WZ-10 NR/S5.2/支出（类）支出", "WZ-10 NR/S5.2/支出（类）支出",
            "WZ-10 NR/S5.3.7/是是", "WZ-10 NR/S6/劳务费", "WZ-10 NR/S8/0万", "WZ-10 NR/S9.1/，，",
            // 信息: 0 台（套） of equipment, 120.16 万标箱 and its 19.02% (one finding for section 十四, listing both) — no table
            // holds them; 减少1名工作人员 (×3) needs last year's staffing.
            "WZ-13 NR/S13/0台（套）", "WZ-13 NR/S14.2/120.16万标箱",
            "WZ-14 NR/S1/1名", "WZ-14 NR/S4/1名", "WZ-14 NR/S5.1/1名",
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), Findings.Select(f => $"{f.RuleId} {f.Location.Text}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFinding_QuotesItsSentenceAndPosition()
    {
        // A 信息 finding that groups a section's numbers lists the place of each instead.
        Assert.All(Findings, f => Assert.Matches(@"^情况说明\S+（第 \d+ 字）「.+」：|^情况说明\S+有 \d+ 个数字.+：1\. \S+（第 \d+ 字）“", f.Message));
        Assert.Contains("“19.02%”", Assert.Single(Findings, f => f.Location.Text == "NR/S14.2/120.16万标箱").Message);
    }

    [Fact]
    public void Corrected_LeavesOnlyInformation()
    {
        var findings = AccountsChecker.Standard.Check(Consistent()).Findings;
        Assert.All(findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(["KN-01", "WC-01", "WC-01", "WZ-13", "WZ-13", "WZ-14", "WZ-14", "WZ-14"], findings.Select(f => f.RuleId).Order());
    }

    [Fact]
    public void WithLastYearOnFile_TheStaffChangeIsChecked()
    {
        var last = Consistent() with { Staffing = Seed().Staffing with { Actual = 26 } };
        var findings = AccountsChecker.Standard.Check(Consistent(), last).Findings;
        Assert.DoesNotContain(findings, f => f.RuleId == NarrativeRules.NeedsLastYear);
    }
}
