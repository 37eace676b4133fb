using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Layouts;
using Consolidation.Tests.Support;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

public sealed class ConsolidationServiceTests : IDisposable
{
    private const string Registry = "code,name,type\n431001,岳阳市人民政府口岸管理办公室,行政\n431002,岳阳市第二局,行政\n431003,岳阳市统计局,行政\n431004,岳阳市第四局,事业\n";
    private readonly InProcessServer _server = new(Registry);

    public void Dispose() => _server.Dispose();

    private SubmissionRecord Submit(Consolidation.Domain.Model.FinalAccounts a) =>
        _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a) });

    private static Consolidation.Domain.Model.FinalAccounts Department(string code, Consolidation.Domain.Model.FinalAccounts a) =>
        a with { DepartmentCode = code, Composition = a.Composition with { Self = a.Composition.Self with { Code = code } } };

    [Fact]
    public void Run_WithNothingAccepted_IsFailedPrecondition()
    {
        Submit(Seed());
        var e = Assert.Throws<RpcException>(() => _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 }));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
    }

    [Fact]
    public void Run_SumsTheLatestAcceptedVersionOfEachDepartment_Exactly()
    {
        var a = Consistent();
        var b = Department("431002", Consistent().WithoutNarrative().WithCell("T7", "reception", "budget", Wan(5m))
            .WithCell("T7", "total", "budget", Wan(6.25m)));
        Submit(a);
        Submit(b);
        Submit(Department("431004", Seed())); // rejected: not summed

        _server.AcceptAll(2023); // the bureau accepts (已受理) what the checks passed
        var run = _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        Assert.Equal(1, run.RunNumber);
        Assert.Equal(["431001", "431002"], run.Included.Select(i => i.DepartmentCode));
        var totals = AccountsMapper.ToDomain(run.Totals);
        foreach (var layout in StandardLayouts.All)
            foreach (var row in layout.FixedRows)
                for (var c = 0; c < layout.Columns.Count; c++)
                    Assert.Equal(a[layout.Id].FixedRows[row.Key][c] + b[layout.Id].FixedRows[row.Key][c], totals[layout.Id].FixedRows[row.Key][c]);
        Assert.Equal(Wan(3.48m) + Wan(6.25m), run.Totals.T7.Total.Budget);

        Assert.Equal(4, run.Coverage.ExpectedCount);
        Assert.Equal(2, run.Coverage.AcceptedCount);
        Assert.Equal(1, run.Coverage.RejectedCount);
        Assert.Equal(1, run.Coverage.MissingCount);
        Assert.Equal("431003", run.Coverage.Departments.Single(d => d.State == CoverageState.Missing).DepartmentCode);
        Assert.Equal(2, run.Departments.Count);
        Assert.Equal(Wan(886.82m), run.Departments[0].IncomeTotal);
    }

    [Fact]
    public void Resubmission_IsUsedByTheNextRun_AndEarlierRunsStayAsTheyWere()
    {
        Submit(Consistent());
        _server.AcceptAll(2023); // the bureau accepts (已受理) what the checks passed
        var first = _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        var v2 = Submit(Consistent().WithoutNarrative().WithCell("T7", "reception", "budget", Wan(3m)).WithCell("T7", "total", "budget", Wan(4.25m)));
        Assert.Equal(2, v2.Version);
        _server.AcceptAll(2023); // the bureau accepts (已受理) what the checks passed
        var second = _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });

        Assert.Equal(2, second.RunNumber);
        Assert.Equal(2, second.Included.Single().Version);
        Assert.Equal(Wan(4.25m), second.Totals.T7.Total.Budget);
        var again = _server.Consolidation.GetConsolidation(new GetConsolidationRequest { FiscalYear = 2023, RunNumber = 1 });
        Assert.Equal(first, again);
        Assert.Equal(Wan(3.48m), again.Totals.T7.Total.Budget);
        Assert.Equal(2, _server.Consolidation.GetConsolidation(new GetConsolidationRequest { FiscalYear = 2023 }).RunNumber);
    }

    [Fact]
    public void RejectedResubmission_LeavesTheAcceptedVersionInUse()
    {
        Submit(Consistent());
        _server.AcceptAll(2023); // the bureau accepts (已受理) v1
        Submit(Seed()); // v2 rejected
        var run = _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
        Assert.Equal(1, run.Included.Single().Version);
        var coverage = run.Coverage.Departments.Single(d => d.DepartmentCode == "431001");
        Assert.Equal(2, coverage.LatestVersion);
        Assert.Equal(SubmissionStatus.Rejected, coverage.LatestStatus);
        Assert.Equal(1, coverage.AcceptedVersion);
    }

    [Fact]
    public void Coverage_WithNothingSubmitted_ListsEveryRegisteredDepartmentAsMissing()
    {
        _server.AcceptAll(2023); // the bureau accepts (已受理) what the checks passed
        var coverage = _server.Consolidation.ListCoverage(new ListCoverageRequest { FiscalYear = 2023 });
        Assert.Equal(4, coverage.MissingCount);
        Assert.All(coverage.Departments, d => Assert.Equal(CoverageState.Missing, d.State));
    }

    [Fact]
    public void GetConsolidation_BeforeAnyRun_IsNotFound()
    {
        var e = Assert.Throws<RpcException>(() => _server.Consolidation.GetConsolidation(new GetConsolidationRequest { FiscalYear = 2023 }));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public void BadYear_IsInvalidArgument()
    {
        var e = Assert.Throws<RpcException>(() => _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 0 }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }
}
