using Consolidation.Domain.Glossary;
using Consolidation.Domain.Model;

namespace Consolidation.Domain.Consolidation;

/// <summary>
/// The consolidated disclosure (汇总公开) of a scope — the city, or one department with its 下属单位 — as one run keeps
/// it: who is covered, the nine tables summed with the internal flows eliminated, the departments' headline figures,
/// the first page's 概况, the generated 情况说明 and the 名词解释 of the terms it uses. Built by
/// <see cref="DisclosureBuilder"/> (a pure function of its inputs); the run's number, time, who ran it and the content
/// hash are set when it is stored.
/// </summary>
public sealed record Disclosure(
    int FiscalYear,
    string ScopeCode,
    string ScopeName,
    CoverageReport Coverage,
    IReadOnlyList<SubmissionRef> Included,
    FinalAccounts Totals,
    IReadOnlyList<DepartmentHeadline> Departments,
    IReadOnlyList<EliminationPair> Eliminations,
    IReadOnlyList<CoverageOverlap> Overlaps,
    IReadOnlyList<string> EliminationIssues,
    CoverageSummary CoverageSummary,
    string Overview,
    string Narrative,
    IReadOnlyList<GlossaryTerm> Glossary,
    int ComparedWithRun)
{
    /// <summary>The year's run this disclosure was stored as (1, 2, …); 0 before it is stored.</summary>
    public int RunNumber { get; init; }
    public DateTime? CreatedAt { get; init; }
    public string RequestedBy { get; init; } = "";
    /// <summary>SHA-256 (hex) of the disclosure without the run's number, time, who and this hash: the same inputs, the same hash.</summary>
    public string ContentHash { get; init; } = "";
}

/// <summary>How many units of one type the disclosure covers.</summary>
public sealed record UnitTypeCount(UnitType Type, int Count);

/// <summary>
/// The first page's account of coverage: departments and units covered, by type, against the registry; who is missing,
/// pending (待说明, 待审核) or rejected ("code name" each); and the sentence that says so.
/// </summary>
public sealed record CoverageSummary(
    int DepartmentsCovered, int UnitsCovered, IReadOnlyList<UnitTypeCount> UnitsByType, int DepartmentsExpected,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Pending, IReadOnlyList<string> Rejected, bool Complete, string Statement);
