using D = Consolidation.Domain.Consolidation;

namespace Consolidation.Contracts.Mapping;

/// <summary>Maps a coverage report (who is covered, waiting, rejected, missing) to the contract.</summary>
public static class CoverageMapper
{
    public static Coverage ToProto(D.CoverageReport report)
    {
        var m = new Coverage
        {
            FiscalYear = report.FiscalYear,
            ExpectedCount = report.ExpectedCount,
            AcceptedCount = report.Count(D.CoverageState.Accepted),
            PendingCount = report.Count(D.CoverageState.PendingExplanation),
            RejectedCount = report.Count(D.CoverageState.Rejected),
            MissingCount = report.Count(D.CoverageState.Missing),
            AwaitingReviewCount = report.Count(D.CoverageState.AwaitingReview),
        };
        m.Departments.AddRange(report.Departments.Select(d => new DepartmentCoverage
        {
            DepartmentCode = d.Code,
            DepartmentName = d.Name,
            State = (CoverageState)(int)d.State,
            LatestVersion = d.LatestVersion,
            LatestStatus = d.LatestStatus is { } s ? FindingMapper.ToProto(s) : SubmissionStatus.Unspecified,
            AcceptedVersion = d.AcceptedVersion,
            Registered = d.Registered,
            CoveredBy = d.CoveredBy,
            Type = (UnitType)(int)d.Type,
            Parent = d.Parent,
        }));
        return m;
    }

    public static D.CoverageReport ToDomain(Coverage m) => new(
        m.FiscalYear,
        m.Departments.Select(d => new D.DepartmentCoverage(
            d.DepartmentCode, d.DepartmentName, (D.CoverageState)(int)d.State, d.LatestVersion,
            d.LatestStatus == SubmissionStatus.Unspecified ? null : FindingMapper.ToDomain(d.LatestStatus), d.AcceptedVersion, d.Registered)
        {
            CoveredBy = d.CoveredBy, Type = (Consolidation.Domain.Model.UnitType)(int)d.Type, Parent = d.Parent,
        }).ToList(),
        m.ExpectedCount);
}
