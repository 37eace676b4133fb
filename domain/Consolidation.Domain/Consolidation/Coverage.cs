using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Consolidation;

/// <summary>
/// A unit the city expects accounts from (the registry, 预算单位名录): a department (no parent) or one of its 下属单位
/// (parent = the department's or another unit's code).
/// </summary>
public sealed record RegisteredDepartment(string Code, string Name, UnitType Type, string Parent = "");

/// <summary>What is on file for one department and year: its latest version and status, and its latest accepted version.</summary>
public sealed record DepartmentFiling(string Code, string Name, int LatestVersion, SubmissionStatus LatestStatus, int AcceptedVersion)
{
    /// <summary>The checks passed its latest version but the bureau has not accepted it (待审核); with the bureau's review on.</summary>
    public bool AwaitingReview { get; init; }
}

public enum CoverageState { Accepted = 1, PendingExplanation = 2, Rejected = 3, Missing = 4, AwaitingReview = 5 }

public sealed record DepartmentCoverage(
    string Code, string Name, CoverageState State, int LatestVersion, SubmissionStatus? LatestStatus, int AcceptedVersion, bool Registered)
{
    /// <summary>The accepted submission whose composition covers this unit, when it did not submit on its own.</summary>
    public string CoveredBy { get; init; } = "";
    public UnitType Type { get; init; } = UnitType.Unspecified;
    /// <summary>The registry's parent (empty for a department).</summary>
    public string Parent { get; init; } = "";
}

/// <summary>Who is covered, who is waiting, who is missing — so a missing submitter never silently shrinks the total.</summary>
public sealed record CoverageReport(int FiscalYear, IReadOnlyList<DepartmentCoverage> Departments, int ExpectedCount)
{
    public int Count(CoverageState state) => Departments.Count(d => d.State == state);

    /// <summary>
    /// Unit code → the department whose accepted submission's composition (决算单位构成) names it as a 下属单位: such a
    /// unit counts as covered. The first submission to name a unit covers it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CoveredBy(IEnumerable<(string DepartmentCode, IEnumerable<Unit> Subordinates)> accepted)
    {
        var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (department, subordinates) in accepted)
            foreach (var unit in subordinates)
                if (unit.Code != department) coveredBy.TryAdd(unit.Code, department);
        return coveredBy;
    }

    /// <param name="coveredBy">unit code → the accepted submission whose composition (决算单位构成) covers it (<see cref="CoveredBy"/>).</param>
    public static CoverageReport Compute(int fiscalYear, IEnumerable<RegisteredDepartment> registry, IEnumerable<DepartmentFiling> filings,
        IReadOnlyDictionary<string, string>? coveredBy = null)
    {
        coveredBy ??= new Dictionary<string, string>();
        var expected = registry.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First());
        var filed = filings.ToDictionary(f => f.Code);
        var codes = expected.Keys.Union(filed.Keys).Order(StringComparer.Ordinal);
        var departments = new List<DepartmentCoverage>();
        foreach (var code in codes)
        {
            var registered = expected.TryGetValue(code, out var reg);
            if (!filed.TryGetValue(code, out var f))
            {
                var by = coveredBy.GetValueOrDefault(code, "");
                departments.Add(new DepartmentCoverage(code, reg!.Name, by.Length > 0 ? CoverageState.Accepted : CoverageState.Missing, 0, null, 0, true)
                    { CoveredBy = by, Type = reg.Type, Parent = reg.Parent });
                continue;
            }
            var state = f.AcceptedVersion > 0 ? CoverageState.Accepted
                : f.AwaitingReview ? CoverageState.AwaitingReview
                : f.LatestStatus == SubmissionStatus.PendingExplanation ? CoverageState.PendingExplanation
                : CoverageState.Rejected;
            var covered = state != CoverageState.Accepted ? coveredBy.GetValueOrDefault(code, "") : "";
            if (covered.Length > 0) state = CoverageState.Accepted; // its own filing is not accepted, but a department's submission covers it
            departments.Add(new DepartmentCoverage(code, reg?.Name ?? f.Name, state, f.LatestVersion, f.LatestStatus, f.AcceptedVersion, registered)
                { CoveredBy = covered, Type = reg?.Type ?? UnitType.Unspecified, Parent = reg?.Parent ?? "" });
        }
        return new CoverageReport(fiscalYear, departments, expected.Count);
    }
}
