using Consolidation.Domain.Checking;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>Every rule: it passes on consistent accounts, and fails when the cells it checks disagree.</summary>
public class RuleCatalogueTests
{
    private static readonly CheckResult Clean = AccountsChecker.Standard.Check(Consistent(), LastYearOf(Consistent()));

    public static TheoryData<string> AllRuleIds() => new(RuleCatalogue.Standard.Select(r => r.Info.Id));

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Rule_OnConsistentAccounts_FindsNothing(string ruleId) =>
        Assert.DoesNotContain(Clean.Findings, f => f.RuleId == ruleId);

    [Fact]
    public void Catalogue_IdsAreUnique() =>
        Assert.Equal(RuleCatalogue.Standard.Count, RuleCatalogue.Standard.Select(r => r.Info.Id).Distinct().Count());

    [Theory]
    [InlineData("BN-T1-01", "T1", "incomeTotal", "amount")]
    [InlineData("BN-T1-02", "T1", "incomeGrandTotal", "amount")]
    [InlineData("BN-T1-03", "T1", "expenditureTotal", "amount")]
    [InlineData("BN-T1-04", "T1", "expenditureGrandTotal", "amount")]
    [InlineData("BN-T1-05", "T1", "expenditureGrandTotal", "amount")]
    [InlineData("BN-T2-01", "T2", "2010301", "fiscal")]
    [InlineData("BN-T2-02", "T2", "total", "other")]
    [InlineData("BN-T2-03", "T2", "2010301", "total")]
    [InlineData("BN-T3-01", "T3", "2010301", "basic")]
    [InlineData("BN-T3-02", "T3", "total", "basic")]
    [InlineData("BN-T3-03", "T3", "2010301", "total")]
    [InlineData("BN-T4-01", "T4", "201", "generalBudget")]
    [InlineData("BN-T4-02", "T4", "incomeGrandTotal", "total")]
    [InlineData("BN-T4-03", "T4", "expenditureTotal", "total")]
    [InlineData("BN-T4-04", "T4", "expenditureGrandTotal", "total")]
    [InlineData("BN-T4-05", "T4", "incomeGrandTotal", "generalBudget")]
    [InlineData("BN-T5-01", "T5", "2010301", "basic")]
    [InlineData("BN-T5-02", "T5", "total", "project")]
    [InlineData("BN-T5-03", "T5", "2010301", "budget")]
    [InlineData("BN-T6-01", "T6", "30101", "amount")]
    [InlineData("BN-T6-02", "T6", "personnelTotal", "amount")]
    [InlineData("BN-T6-03", "T6", "publicTotal", "amount")]
    [InlineData("BN-T6-04", "T6", "total", "amount")]
    [InlineData("BN-T7-01", "T7", "total", "budget")]
    [InlineData("BN-T7-02", "T7", "vehicles", "budget")]
    [InlineData("TS-T7-01", "T7", "reception", "actual")]
    [InlineData("BN-T8-01", "T8", "total", "openingBalance")]
    [InlineData("BN-T8-02", "T8", "total", "basic")]
    [InlineData("BN-T8-03", "T8", "total", "income")]
    [InlineData("BN-T9-01", "T9", "total", "closingBalance")]
    [InlineData("BN-T9-02", "T9", "total", "project")]
    [InlineData("BN-T9-03", "T9", "total", "expenditureTotal")]
    public void Rule_WhenOneCellMovesBeyondTolerance_Fires(string ruleId, string table, string row, string column)
    {
        var a = Consistent();
        var changed = a.WithCell(table, row, column, a.Cell(table, row, column) + Wan(1m));
        var result = AccountsChecker.Standard.Check(changed);
        var finding = Assert.Single(result.Findings, f => f.RuleId == ruleId);
        Assert.Equal(table, finding.Location.Table);
        Assert.NotEqual(0, finding.Difference);
        Assert.True(Math.Abs(finding.Difference) > finding.Tolerance);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Theory]
    [InlineData("T8", "BN-T8-04")]
    [InlineData("T9", "BN-T9-04")]
    public void FundTableHierarchy_ClassNotSumOfItsItems_Fires(string table, string ruleId)
    {
        var layout = StandardLayouts.Get(table);
        long[] Row(long opening, long income, long basic, long closing) => [opening, income, basic, basic, 0, closing];
        var t = new Table(layout, new Dictionary<string, long[]> { ["total"] = Row(0, Wan(10), Wan(10), 0) },
        [
            new TableRow("212", "城乡社区支出", Row(0, Wan(10), Wan(10), 0)),
            new TableRow("21208", "国有土地使用权出让收入安排的支出", Row(0, Wan(9), Wan(9), 0)),
        ]);
        var result = AccountsChecker.Standard.Check(Consistent().WithTable(t));
        Assert.Contains(result.Findings, f => f.RuleId == ruleId && f.Location.Row == "212");
        // and the consistent version passes
        var fixedT = new Table(layout, t.FixedRows, [t.Rows[0], t.Rows[1] with { Values = Row(0, Wan(10), Wan(10), 0) }]);
        Assert.DoesNotContain(AccountsChecker.Standard.Check(Consistent().WithTable(fixedT)).Findings, f => f.RuleId == ruleId);
    }

    [Theory]
    [InlineData("T2", "20103011")]
    [InlineData("T2", "2010")]
    [InlineData("T2", "20A03")]
    [InlineData("T1", "20103")]
    [InlineData("T6", "3010101")]
    public void CodeOfWrongShape_IsMandatoryFinding(string table, string code)
    {
        var t = (Consistent())[table];
        var rows = t.Rows.Select((r, i) => i == 1 ? r with { Code = code } : r).ToList();
        var result = AccountsChecker.Standard.Check(Consistent().WithTable(new Table(t.Layout, t.FixedRows, rows)));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DM-01");
        Assert.Equal(Severity.Mandatory, finding.Severity);
        Assert.Equal(code, finding.Location.Row);
        Assert.Contains(code, finding.Message);
        Assert.Equal(SubmissionStatus.Rejected, result.Status);
    }

    [Fact]
    public void UnknownClass_IsMandatoryFinding()
    {
        var t = Consistent()["T1"];
        var rows = t.Rows.Select(r => r.Code == "229" ? r with { Code = "299" } : r).ToList();
        var result = AccountsChecker.Standard.Check(Consistent().WithTable(new Table(t.Layout, t.FixedRows, rows)));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DM-02");
        Assert.Equal("299", finding.Location.Row);
    }

    [Fact]
    public void Tolerance_InWanYuan_IsNTimesHalfAHundredth_NoMoreNoLess()
    {
        // T7 合计 = 3 parts, one of them (因公出国) printed 0.00: 合计, two parts and the zero part's remainder under 0.005,
        // tolerance 3 × 0.005 = 0.015 万元. A 0.01 gap passes; a 0.02 gap fails.
        var a = Consistent();
        var total = a.Cell("T7", "total", "budget");
        Assert.DoesNotContain(AccountsChecker.Standard.Check(a.WithCell("T7", "total", "budget", total + Wan(0.01m))).Findings, f => f.RuleId == "BN-T7-01");
        var f = Assert.Single(AccountsChecker.Standard.Check(a.WithCell("T7", "total", "budget", total + Wan(0.02m))).Findings, x => x.RuleId == "BN-T7-01");
        Assert.Equal(15_000, f.Tolerance);
        // T7 车小计 = 2 parts: 0.01 万元 passes, 0.02 fails
        var v = a.Cell("T7", "vehicles", "actual");
        Assert.DoesNotContain(AccountsChecker.Standard.Check(a.WithCell("T7", "vehicles", "actual", v + Wan(0.01m))).Findings, x => x.RuleId == "BN-T7-02");
        Assert.Contains(AccountsChecker.Standard.Check(a.WithCell("T7", "vehicles", "actual", v + Wan(0.02m))).Findings, x => x.RuleId == "BN-T7-02");
    }

    [Fact]
    public void Tolerance_InYuan_IsExact()
    {
        var a = Consistent() with { Precision = AmountPrecision.Yuan };
        var total = a.Cell("T7", "total", "budget");
        var f = Assert.Single(AccountsChecker.Standard.Check(a.WithCell("T7", "total", "budget", total + 1)).Findings, x => x.RuleId == "BN-T7-01");
        Assert.Equal(0, f.Tolerance);
        Assert.Equal(1, f.Difference);
        Assert.Contains("应完全相等", f.Message);
    }

    [Fact]
    public void AdvisoryFinding_Unexplained_HoldsSubmissionAsPending()
    {
        var a = Consistent().WithoutNarrative();
        var over = a.WithCell("T7", "outboundTravel", "actual", Wan(0.5m))
            .WithCell("T7", "outboundTravel", "budget", Wan(0.4m))
            .WithCell("T7", "total", "actual", a.Cell("T7", "total", "actual") + Wan(0.5m))
            .WithCell("T7", "total", "budget", a.Cell("T7", "total", "budget") + Wan(0.4m));
        var result = AccountsChecker.Standard.Check(over, LastYearOf(over));
        var weighing = result.Findings.Where(f => f.RuleId != RoundingTail.Info.Id).ToList(); // the seed's 尾差 are 信息
        Assert.All(weighing, f => Assert.Equal(Severity.Advisory, f.Severity));
        Assert.Equal(["T7/outboundTravel/actual", "T7/total/actual"], weighing.Select(f => f.Location.Text).Order());
        Assert.Equal(SubmissionStatus.PendingExplanation, result.Status);
    }

    [Fact]
    public void AdvisoryFinding_ExplainedByRuleAndLocation_IsAccepted()
    {
        var a = Consistent().WithoutNarrative();
        var over = a.WithCell("T7", "reception", "actual", a.Cell("T7", "reception", "actual") + Wan(0.1m))
            .WithCell("T7", "total", "actual", a.Cell("T7", "total", "actual") + Wan(0.1m));
        var explained = over with
        {
            Explanations =
            [
                new Explanation("TS-T7-01", "T7/reception/actual", "年中追加接待任务，经批准调整。"),
                new Explanation("TS-T7-01", "T7/total/actual", "同上。"),
            ],
        };
        var result = AccountsChecker.Standard.Check(explained, LastYearOf(explained));
        Assert.Equal(2, result.AdvisoryCount);
        Assert.Equal(0, result.UnexplainedCount);
        Assert.Equal(SubmissionStatus.Accepted, result.Status);
        Assert.Equal("年中追加接待任务，经批准调整。", result.Findings.Single(f => f.Location.Row == "reception").Explanation);

        // An explanation naming another location explains nothing.
        var wrong = over with { Explanations = [new Explanation("TS-T7-01", "T7/vehicles/actual", "…")] };
        Assert.Equal(SubmissionStatus.PendingExplanation, AccountsChecker.Standard.Check(wrong).Status);
    }
}
