using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Consolidation;
using Consolidation.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using CoverageReport = Consolidation.Domain.Consolidation.CoverageReport;

namespace Consolidation.Server.Application;

/// <summary>No department of the year has an accepted version: there is nothing to consolidate.</summary>
public sealed class NothingToConsolidateException(int year)
    : Exception($"{year} 年度没有已接收（审核通过）的部门决算，无法汇总")
{
    public int FiscalYear { get; } = year;
}

/// <summary>
/// 汇总: consolidates the latest accepted version of every department of a year, stores the disclosure as a new
/// run, and reports coverage against the registry.
/// </summary>
public sealed class ConsolidationOffice(
    SubmissionRepository submissions, ConsolidationRunRepository runs, IReadOnlyList<RegisteredDepartment> registry, TimeProvider clock)
{
    public ConsolidatedDisclosure Run(int fiscalYear, string requestedBy)
    {
        var accepted = submissions.LatestAccepted(fiscalYear);
        if (accepted.Count == 0) throw new NothingToConsolidateException(fiscalYear);
        var result = Consolidator.Consolidate(fiscalYear,
            accepted.Select(s => (new SubmissionRef(s.DepartmentCode, s.DepartmentName, s.Version, s.ContentHash), s.LoadAccounts())));
        var disclosure = new ConsolidatedDisclosure
        {
            FiscalYear = fiscalYear,
            CreatedAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow()),
            RequestedBy = requestedBy,
            Coverage = ToProto(Coverage(fiscalYear)),
            Totals = AccountsMapper.ToProto(result.Totals),
        };
        disclosure.Included.AddRange(result.Included.Select(r => new IncludedSubmission
        {
            DepartmentCode = r.DepartmentCode, DepartmentName = r.DepartmentName, Version = r.Version, ContentHash = r.ContentHash,
        }));
        disclosure.Departments.AddRange(result.Headlines.Select(h => new Contracts.DepartmentHeadline
        {
            DepartmentCode = h.DepartmentCode, DepartmentName = h.DepartmentName, Version = h.Version,
            IncomeTotal = h.IncomeTotal, ExpenditureTotal = h.ExpenditureTotal, FiscalAppropriation = h.FiscalAppropriation,
            ThreePublicActual = h.ThreePublicActual, StaffActual = h.StaffActual,
        }));
        return runs.Add(disclosure);
    }

    public ConsolidatedDisclosure? Get(int fiscalYear, int runNumber) => runs.Get(fiscalYear, runNumber);

    public CoverageReport Coverage(int fiscalYear) => CoverageReport.Compute(fiscalYear, registry, submissions.Filings(fiscalYear));

    public static Contracts.Coverage ToProto(CoverageReport report)
    {
        var m = new Contracts.Coverage
        {
            FiscalYear = report.FiscalYear,
            ExpectedCount = report.ExpectedCount,
            AcceptedCount = report.Count(Domain.Consolidation.CoverageState.Accepted),
            PendingCount = report.Count(Domain.Consolidation.CoverageState.PendingExplanation),
            RejectedCount = report.Count(Domain.Consolidation.CoverageState.Rejected),
            MissingCount = report.Count(Domain.Consolidation.CoverageState.Missing),
        };
        m.Departments.AddRange(report.Departments.Select(d => new Contracts.DepartmentCoverage
        {
            DepartmentCode = d.Code,
            DepartmentName = d.Name,
            State = (Contracts.CoverageState)(int)d.State,
            LatestVersion = d.LatestVersion,
            LatestStatus = d.LatestStatus is { } s ? FindingMapper.ToProto(s) : SubmissionStatus.Unspecified,
            AcceptedVersion = d.AcceptedVersion,
            Registered = d.Registered,
        }));
        return m;
    }
}
