using Consolidation.Domain.Consolidation;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>No department of the year (in the scope) has an accepted version: there is nothing to consolidate.</summary>
public sealed class NothingToConsolidateException(int year, string scope = "")
    : Exception($"{year} 年度{(scope.Length > 0 ? $"单位 {scope} 及其下属单位" : "")}没有可汇总的部门决算（须审核通过并经财政局受理），无法汇总")
{
    public int FiscalYear { get; } = year;
}

/// <summary>
/// 汇总: consolidates the latest accepted version of every unit in a scope (the city, or one department and its 下属单位),
/// stores the disclosure as a new immutable run, and reports coverage against the registry. Year-on-year figures compare
/// with last year's published run of the same scope, when there is one.
/// </summary>
/// <summary>A consolidated sum beyond the range of a long (9.2 × 10^18 分): refused, nothing stored (docs/reliability.md).</summary>
public sealed class ConsolidationOverflowException(int year, int count)
    : Exception($"{year} 年度 {count} 份报送的汇总金额或人数超出可表示的范围，未汇总：请检查是否有金额单位填错（元/万元）的报送");

public sealed class ConsolidationOffice(
    SubmissionBook submissions, ConsolidationRuns runs, RegistryBook registry, YearLocks locks, GlossaryOffice glossary,
    TimeProvider clock, ReviewDesk reviews, RegistryGate gate, IRecordEncoding encoding)
{
    /// <summary>
    /// What a consolidation uses: per department its latest 已受理 version (its latest accepted one with the review off),
    /// as (code, version) — the versions themselves are read one at a time when consolidated (<see cref="SubmissionBook.Read"/>).
    /// </summary>
    private IReadOnlyList<(string DepartmentCode, int Version)> Consolidable(int fiscalYear) =>
        (reviews.Required
            ? reviews.ReceivedVersions(fiscalYear).Select(kv => (kv.Key, kv.Value))
            : submissions.AcceptedVersions(fiscalYear))
        .Where(v => gate.MayConsolidate(v.Item1)) // 未登记 (held) submissions never count
        .ToList();

    /// <summary>The year's filings; with the review on, "accepted" means 已受理 and a checked latest version not yet accepted waits for review.</summary>
    private IReadOnlyList<DepartmentFiling> Filings(int fiscalYear)
    {
        var filings = submissions.Filings(fiscalYear);
        if (!reviews.Required) return filings;
        var received = reviews.ReceivedVersions(fiscalYear);
        return filings.Select(f =>
        {
            var version = received.GetValueOrDefault(f.Code);
            return f with { AcceptedVersion = version, AwaitingReview = version == 0 && f.LatestStatus == Domain.Rules.SubmissionStatus.Accepted };
        }).ToList();
    }

    public Disclosure Run(int fiscalYear, string requestedBy, string scope = "")
    {
        var disclosure = Build(fiscalYear, scope);
        return runs.Add(disclosure with { CreatedAt = clock.GetUtcNow().UtcDateTime, RequestedBy = requestedBy });
    }

    /// <summary>The disclosure the current state gives, with its content hash, without run metadata and without storing it.</summary>
    public Disclosure Build(int fiscalYear, string scope)
    {
        var hierarchy = registry.Hierarchy();
        var accepted = Consolidable(fiscalYear)
            .Where(v => scope.Length == 0 || hierarchy.IsWithin(v.DepartmentCode, scope)).ToList();
        if (accepted.Count == 0) throw new NothingToConsolidateException(fiscalYear, scope);
        var lastRun = locks.LastPublishedRun(fiscalYear - 1);
        var last = lastRun > 0 ? runs.Get(fiscalYear - 1, lastRun) : null;
        if (last is not null && last.ScopeCode != scope) last = null;
        try
        {
            // Streamed: each accepted version is read and decoded when the consolidation reaches it, then let go.
            var disclosure = DisclosureBuilder.Build(new DisclosureInputs(
                fiscalYear, scope,
                submissions.Read(fiscalYear, accepted)
                    .Select(s => (new SubmissionRef(s.DepartmentCode, s.DepartmentName, s.Version, s.ContentHash), s.LoadAccounts())),
                registry.Units(), Filings(fiscalYear), glossary.Current,
                last?.RunNumber ?? 0, last?.Totals));
            return disclosure with { ContentHash = encoding.ContentHash(disclosure) };
        }
        catch (OverflowException)
        {
            // The sums are checked (never wrapped): a total beyond what a long holds is refused, nothing stored.
            throw new ConsolidationOverflowException(fiscalYear, accepted.Count);
        }
    }

    public Disclosure? Get(int fiscalYear, int runNumber, string? scope = null) => runs.Get(fiscalYear, runNumber, scope);

    public CoverageReport Coverage(int fiscalYear)
    {
        // A unit covered by an accepted department submission's composition counts as covered.
        // Streamed as a consolidation is: only each composition's 下属单位 are kept.
        var coveredBy = CoverageReport.CoveredBy(submissions.Read(fiscalYear, Consolidable(fiscalYear))
            .Select(s => (s.DepartmentCode, (IEnumerable<Domain.Model.Unit>)s.LoadAccounts().Composition.Subordinates)));
        return CoverageReport.Compute(fiscalYear, registry.Units(), Filings(fiscalYear), coveredBy);
    }
}
