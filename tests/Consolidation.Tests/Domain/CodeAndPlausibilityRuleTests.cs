using Consolidation.Domain.Checking;
using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Domain;

/// <summary>Code checks against the catalogues, the 补充资料 checks and the plausibility warnings.</summary>
public class CodeAndPlausibilityRuleTests
{
    // Table rules alone: the narrative (checked by the WZ rules, Narrative/ tests) is left out.
    private static CheckResult Check(FinalAccounts a) => AccountsChecker.Standard.Check(a.WithoutNarrative(), LastYearOf(a));

    private static FinalAccounts WithRow(FinalAccounts a, string table, string code, Func<TableRow, TableRow> change)
    {
        var t = a[table];
        return a.WithTable(new Table(t.Layout, t.FixedRows, t.Rows.Select(r => r.Code == code ? change(r) : r).ToList()));
    }

    private static FinalAccounts WithSupplementary(FinalAccounts a, Func<SupplementaryFigures, SupplementaryFigures> change) =>
        a with { Supplementary = change(a.Supplementary!) };

    [Fact]
    public void ItemNotInTheCatalogue_IsAdvisory_OncePerCode()
    {
        // 2010302 一般行政管理事务 renumbered 2010398 in T2, T3 and T5: a 项 the catalogue does not list.
        var a = Consistent();
        foreach (var t in new[] { "T2", "T3", "T5" }) a = WithRow(a, t, "2010302", r => r with { Code = "2010398" });
        var result = Check(a);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DM-03");
        Assert.Equal(Severity.Advisory, finding.Severity);
        Assert.Equal("T2/2010398/code", finding.Location.Text);
        Assert.Contains("2010398", finding.Message);
        Assert.Equal(SubmissionStatus.PendingExplanation, result.Status);
    }

    [Fact]
    public void ItemOfTheSupplement_IsInTheCatalogue()
    {
        // 2080101 人社 行政运行 is a real 2023 code the reference list lacks; the shipped supplement has it.
        var a = Consistent();
        foreach (var t in new[] { "T2", "T3", "T5" }) a = WithRow(a, t, "2010302", r => r with { Code = "2080101" });
        Assert.DoesNotContain(Check(a).Findings, f => f.RuleId == "DM-03");
    }

    [Fact]
    public void RowNameNotTheCatalogueName_IsAdvisory_ButBracketWidthIsNoDifference()
    {
        var a = Consistent();
        var halfWidth = WithRow(a, "T2", "20103", r => r with { Name = "政府办公厅(室)及相关机构事务" });
        Assert.DoesNotContain(Check(halfWidth).Findings, f => f.RuleId == "DM-04");

        var renamed = WithRow(a, "T3", "2010301", r => r with { Name = "行政运行费" });
        var finding = Assert.Single(Check(renamed).Findings, f => f.RuleId == "DM-04");
        Assert.Equal(Severity.Advisory, finding.Severity);
        Assert.Equal("T3/2010301/code", finding.Location.Text);
        Assert.Contains("应为“行政运行”，填报为“行政运行费”", finding.Message);
    }

    [Fact]
    public void Procurement_PartsWithinTheirTolerance_NoFinding_Beyond_Mandatory()
    {
        // The seed states 51.91 + 22.04 + 148.31 = 222.26 against a total of 222.27: a 0.01 tail gap (tolerance 0.015).
        var a = Consistent();
        Assert.Equal(Wan(222.27m), a.Supplementary!.ProcurementTotal);
        Assert.DoesNotContain(Check(a).Findings, f => f.RuleId == "BN-S-01");
        var off = WithSupplementary(a, s => s with { ProcurementTotal = Wan(222.28m) });
        var finding = Assert.Single(Check(off).Findings, f => f.RuleId == "BN-S-01");
        Assert.Equal(Severity.Mandatory, finding.Severity);
        Assert.Equal("S/procurementTotal/amount", finding.Location.Text);
        Assert.Equal(15_000, finding.Tolerance);
        Assert.Equal(Wan(0.02m), finding.Difference);
    }

    [Fact]
    public void Vehicles_HeldWithoutRunningCost_OrRunningCostWithoutVehicles_IsAdvisory()
    {
        var a = Consistent();
        Assert.DoesNotContain(Check(a).Findings, f => f.RuleId == "TS-CL-01");
        var none = WithSupplementary(a, s => s with { VehiclesHeld = 0 });
        var f1 = Assert.Single(Check(none).Findings, f => f.RuleId == "TS-CL-01");
        Assert.Equal(Severity.Advisory, f1.Severity);
        Assert.Contains("保有量 0 辆", f1.Message);
        Assert.Contains("1.25", f1.Message);

        var idle = a.WithCell("T7", "vehicleOperation", "actual", 0);
        var f2 = Assert.Single(Check(idle).Findings, f => f.RuleId == "TS-CL-01");
        Assert.Contains("保有量 1 辆", f2.Message);
        Assert.Equal("S/vehiclesHeld/count", f2.Location.Text);
    }

    [Fact]
    public void OperatingCost_NotThePublicFunds_IsAdvisory_ForAdministrativeUnitsOnly()
    {
        var a = Consistent();
        Assert.Equal(a.Cell("T6", "publicTotal", "amount"), a.Supplementary!.OperatingCostActual); // 72.09 both
        Assert.DoesNotContain(Check(a).Findings, f => f.RuleId == "TS-JG-01");
        var off = WithSupplementary(a, s => s with { OperatingCostActual = Wan(70m) });
        var finding = Assert.Single(Check(off).Findings, f => f.RuleId == "TS-JG-01");
        Assert.Equal((Wan(72.09m), Wan(70m)), (finding.Expected, finding.Actual));
        var institution = off with { Composition = off.Composition with { Self = off.Composition.Self with { Type = UnitType.PublicInstitution } } };
        Assert.DoesNotContain(Check(institution).Findings, f => f.RuleId == "TS-JG-01");
    }

    [Fact]
    public void WithoutSupplementaryFigures_TheirChecksDoNotRun()
    {
        var a = Consistent() with { Supplementary = null };
        Assert.DoesNotContain(Check(a).Findings, f => f.RuleId != RoundingTail.Info.Id); // the seed's 尾差 are 信息
    }
}
