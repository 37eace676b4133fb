using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Consolidation;

/// <summary>A department the city expects accounts from (the registry, 预算单位名录).</summary>
public sealed record RegisteredDepartment(string Code, string Name, UnitType Type);

/// <summary>What is on file for one department and year: its latest version and status, and its latest accepted version.</summary>
public sealed record DepartmentFiling(string Code, string Name, int LatestVersion, SubmissionStatus LatestStatus, int AcceptedVersion);

public enum CoverageState { Accepted = 1, PendingExplanation = 2, Rejected = 3, Missing = 4 }

public sealed record DepartmentCoverage(
    string Code, string Name, CoverageState State, int LatestVersion, SubmissionStatus? LatestStatus, int AcceptedVersion, bool Registered);

/// <summary>Who is covered, who is waiting, who is missing — so a missing submitter never silently shrinks the total.</summary>
public sealed record CoverageReport(int FiscalYear, IReadOnlyList<DepartmentCoverage> Departments, int ExpectedCount)
{
    public int Count(CoverageState state) => Departments.Count(d => d.State == state);

    public static CoverageReport Compute(int fiscalYear, IEnumerable<RegisteredDepartment> registry, IEnumerable<DepartmentFiling> filings)
    {
        var expected = registry.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First());
        var filed = filings.ToDictionary(f => f.Code);
        var codes = expected.Keys.Union(filed.Keys).Order(StringComparer.Ordinal);
        var departments = new List<DepartmentCoverage>();
        foreach (var code in codes)
        {
            var registered = expected.TryGetValue(code, out var reg);
            if (!filed.TryGetValue(code, out var f))
            {
                departments.Add(new DepartmentCoverage(code, reg!.Name, CoverageState.Missing, 0, null, 0, true));
                continue;
            }
            var state = f.AcceptedVersion > 0 ? CoverageState.Accepted
                : f.LatestStatus == SubmissionStatus.PendingExplanation ? CoverageState.PendingExplanation
                : CoverageState.Rejected;
            departments.Add(new DepartmentCoverage(code, reg?.Name ?? f.Name, state, f.LatestVersion, f.LatestStatus, f.AcceptedVersion, registered));
        }
        return new CoverageReport(fiscalYear, departments, expected.Count);
    }
}
