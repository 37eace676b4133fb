using Consolidation.Domain.Checking;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>表间 and 跨年 rules of the identities file: each passes on consistent accounts and fires when one cell moves.</summary>
public class BetweenTablesAndYearsTests
{
    private static CheckResult Check(Consolidation.Domain.Model.FinalAccounts a, bool withLastYear = false) =>
        AccountsChecker.Standard.Check(a.WithoutNarrative(), withLastYear ? LastYearOf(Consistent()) : null); // table rules alone

    [Theory]
    [InlineData("BJ-01", "T2", "total", "other", 1, "T2/total/other")]
    [InlineData("BJ-01", "T2", "total", "total", 1, "T2/total/total")]
    [InlineData("BJ-02", "T2", "total", "fiscal", 1, "T2/total/fiscal")]
    [InlineData("BJ-02", "T4", "incomeCurrent", "total", 1, "T4/incomeCurrent/total")]
    [InlineData("BJ-03", "T4", "incomeCurrent", "generalBudget", 1, "T4/incomeCurrent/generalBudget")]
    [InlineData("BJ-04", "T3", "total", "total", 1, "T3/total/total")]
    [InlineData("BJ-05", "T3", "216", "total", 1, "T3/216/total")]
    [InlineData("BJ-05", "T1", "216", "amount", 1, "T3/216/total")]
    [InlineData("BJ-06", "T4", "201", "generalBudget", 1, "T4/201/generalBudget")]
    [InlineData("BJ-06", "T4", "expenditureTotal", "generalBudget", 1, "T4/expenditureTotal/generalBudget")]
    [InlineData("BJ-07", "T4", "incomeOpening", "governmentFund", 1, "T4/incomeOpening/governmentFund")]
    [InlineData("BJ-07", "T8", "total", "closingBalance", 1, "T4/closingBalance/governmentFund")]
    [InlineData("BJ-08", "T4", "expenditureTotal", "stateCapital", 1, "T4/expenditureTotal/stateCapital")]
    [InlineData("BJ-03", "T9", "total", "income", 1, "T9/total/income")] // T4 and T1 agree: T9 is the one to correct
    [InlineData("BJ-09", "T5", "total", "basic", 1, "T5/total/basic")]
    [InlineData("BJ-10", "T5", "2010301", "total", 10, "T5/2010301/total")]
    [InlineData("BJ-10", "T5", "2169999", "project", 200, "T5/2169999/project")]
    [InlineData("BJ-10", "T5", "total", "basic", 10, "T5/total/basic")]
    [InlineData("TS-T6T7-01", "T6", "30217", "amount", 1, "T6/30217/amount")]
    [InlineData("TS-T6T7-02", "T6", "30231", "amount", 1, "T6/30231/amount")]
    public void BetweenTables_OneCellMoved_FiresAtTheFirstCellOfTheFormula(string ruleId, string table, string row, string column, int wan, string location)
    {
        var a = Consistent();
        var result = Check(a.WithCell(table, row, column, a.Cell(table, row, column) + Wan(wan)));
        var finding = Assert.Single(result.Findings, f => f.RuleId == ruleId);
        Assert.Equal(location, finding.Location.Text);
        Assert.Equal(RuleCategory.BetweenTables, finding.Category);
        Assert.True(Math.Abs(finding.Difference) > finding.Tolerance);
        Assert.Contains(finding.Location.Table, finding.Message);
    }

    [Fact]
    public void T5WithinT3_AnAppropriationBelowItsTotal_IsNoFinding()
    {
        var a = Consistent();
        // 行政运行: T5 379.03 ≤ T3 385.93; raising T5 by 6.90 reaches T3 exactly — still within.
        var equal = a.WithCell("T5", "2010301", "total", a.Cell("T3", "2010301", "total"));
        Assert.DoesNotContain(Check(equal).Findings, f => f.RuleId == "BJ-10");
        var over = a.WithCell("T5", "2010301", "total", a.Cell("T3", "2010301", "total") + Wan(0.01m));
        var f = Assert.Single(Check(over).Findings, x => x.RuleId == "BJ-10");
        Assert.Contains("应不超过 385.93 万元，实为 385.94 万元，超出 0.01 万元", f.Message);
    }

    [Fact]
    public void EachClass_AClassMissingFromOneTable_CountsAsZero()
    {
        var a = Consistent();
        var t1 = a["T1"];
        var without229 = a.WithTable(new Consolidation.Domain.Model.Table(t1.Layout, t1.FixedRows, t1.Rows.Where(r => r.Code != "229").ToList()));
        var f = Assert.Single(Check(without229).Findings, x => x.RuleId == "BJ-05");
        Assert.Equal("T3/229/total", f.Location.Text);
        Assert.Equal(0, f.Expected);
        Assert.Equal(Wan(101.64m), f.Actual);
    }

    [Theory]
    [InlineData("KN-02", "T1", "openingBalance", "amount")]
    [InlineData("KN-03", "T4", "incomeOpening", "generalBudget")]
    [InlineData("KN-04", "T8", "total", "openingBalance")]
    [InlineData("KN-05", "T9", "total", "openingBalance")]
    public void AcrossYears_OpeningNotLastYearsClosing_IsAdvisory(string ruleId, string table, string row, string column)
    {
        var a = Consistent();
        var moved = a.WithCell(table, row, column, a.Cell(table, row, column) + Wan(1m));
        var finding = Assert.Single(Check(moved, withLastYear: true).Findings, f => f.RuleId == ruleId);
        Assert.Equal(Severity.Advisory, finding.Severity);
        Assert.Equal(RuleCategory.AcrossYears, finding.Category);
        Assert.Equal($"{table}/{row}/{column}", finding.Location.Text);
        Assert.Contains("上年", finding.Message);
        Assert.Equal(Wan(1m), finding.Difference);
    }

    [Fact]
    public void AcrossYears_LastYearOnFileAndAgreeing_NoFindingAndNoInfo()
    {
        var result = Check(Consistent(), withLastYear: true);
        Assert.DoesNotContain(result.Findings, f => f.RuleId != RoundingTail.Info.Id); // the seed's 尾差 (T3, T5) stay 信息
        Assert.Equal(4, result.TailCount);
        Assert.Equal(SubmissionStatus.Accepted, result.Status);
    }

    [Fact]
    public void AcrossYears_NoLastYear_OneInfoFinding_AndTheCrossYearRulesDoNotRun()
    {
        var a = Consistent();
        var moved = a.WithCell("T1", "openingBalance", "amount", a.Cell("T1", "openingBalance", "amount") + Wan(1m));
        var findings = Check(moved).Findings;
        Assert.DoesNotContain(findings, f => f.RuleId is "KN-02" or "KN-03" or "KN-04" or "KN-05");
        var info = Assert.Single(findings, f => f.Category == RuleCategory.AcrossYears);
        Assert.Equal(("KN-01", Severity.Info), (info.RuleId, info.Severity));
        Assert.Contains("未执行", info.Message);
    }

    [Fact]
    public void AcrossYears_LastYearInYuan_ThisYearInWanYuan_AllowsTheRounding()
    {
        var a = Consistent();
        var last = LastYearOf(a) with { Precision = Consolidation.Domain.Model.AmountPrecision.Yuan };
        // last year's 年末 in the books: 62.7249 万元 → printed this year as 62.72
        last = last.WithCell("T1", "closingBalance", "amount", a.Cell("T1", "openingBalance", "amount") + 4_900);
        Assert.DoesNotContain(AccountsChecker.Standard.Check(a, last).Findings, f => f.RuleId == "KN-02");
        last = last.WithCell("T1", "closingBalance", "amount", a.Cell("T1", "openingBalance", "amount") + 5_100);
        Assert.Contains(AccountsChecker.Standard.Check(a, last).Findings, f => f.RuleId == "KN-02");
    }
}
