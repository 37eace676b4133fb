using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>The real 2023 disclosure of the Yueyang port office, rebuilt in samples/: what the checks make of it.</summary>
public class SeedSampleTests
{
    private readonly CheckResult _result = AccountsChecker.Standard.Check(Seed());

    [Fact]
    public void Seed_IsRejected_NotSilentlyAccepted() => Assert.Equal(SubmissionStatus.Rejected, _result.Status);

    [Fact]
    public void Seed_StatedBudgetTotal_IsNotTheSumOfItsItems()
    {
        // The narrative states 年初预算 463.48 万元; its nine items add up to 461.57 万元.
        var finding = Assert.Single(_result.Findings, f => f.RuleId == "BN-T5-02");
        Assert.Equal(Severity.Mandatory, finding.Severity);
        Assert.Equal("T5/total/budget", finding.Location.Text);
        Assert.Equal(Wan(461.57m), finding.Expected);
        Assert.Equal(Wan(463.48m), finding.Actual);
        Assert.Equal(Wan(1.91m), finding.Difference);
        Assert.Equal(Wan(0.025m), finding.Tolerance); // six 类 rows, two of them 0.00: 4 printed 类 + one remainder for the zeros → 5 × 0.005 万元
        Assert.Contains("年初预算数", finding.Message);
        Assert.Contains("463.48", finding.Message);
        Assert.Contains("461.57", finding.Message);
        Assert.Contains("1.91", finding.Message);
    }

    [Fact]
    public void Seed_TailDifferencesOfItsNote1_AreNotFindings()
    {
        // T5 合计 基本支出 468.30 vs Σ类 468.29, 项目支出 323.29 vs 323.30; T3 likewise: within n × 0.005 万元.
        Assert.Equal(Wan(468.30m), Seed().Cell("T5", "total", "basic"));
        // They are said as 尾差 (信息, one finding per table listing them), never weighed.
        Assert.All(_result.Findings.Where(f => f.Location.Column is "basic" or "project"), f => Assert.Equal((RoundingTail.Info.Id, Severity.Info), (f.RuleId, f.Severity)));
        Assert.Equal(["T3/total/basic", "T5/total/basic"], _result.Findings.Where(f => f.RuleId == RoundingTail.Info.Id).Select(f => f.Location.Text).Order());
        Assert.Single(_result.Findings.Weighing(), f => f.Category != RuleCategory.Narrative); // the budget total is the only table error
    }

    [Fact]
    public void Seed_Corrected_IsAcceptedWithoutFindings()
    {
        var result = AccountsChecker.Standard.Check(Consistent());
        // Only the narrative's numbers no table holds are left, as 信息 (WZ-13 untied, WZ-14 needing last year).
        Assert.All(result.Findings, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        // no 2022 accounts on file, so 年初 could not be compared with last year's 年末
        var info = Assert.Single(result.Findings, f => f.RuleId == "KN-01");
        Assert.Equal(("KN-01", Severity.Info, "跨年"), (info.RuleId, info.Severity, info.Category));
        Assert.Contains("2022", info.Message);
    }

    [Fact]
    public void Seed_TablesAgreeWithEachOther_AndWithItsSupplementaryFigures()
    {
        // The seed was rebuilt consistent between tables apart from its published errors: no 表间, 代码 or 补充资料 finding;
        // its 政府采购 parts (51.91 + 22.04 + 148.31 = 222.26) miss the stated total 222.27 by a 0.01 tail gap only.
        Assert.DoesNotContain(_result.Findings, f => f.Category is RuleCategory.BetweenTables or RuleCategory.Codes);
        Assert.DoesNotContain(_result.Findings, f => f.Location.Table == "S");
        Assert.DoesNotContain(_result.Findings, f => f.RuleId == "WZ-05"); // its zero-budget items state no completion rate
    }

    [Fact]
    public void Seed_WithoutLastYear_SaysTheCrossYearCheckDidNotRun()
    {
        var info = Assert.Single(_result.Findings, f => f.Severity == Severity.Info && f.Category == RuleCategory.AcrossYears);
        Assert.Equal("KN-01", info.RuleId);
    }
}
