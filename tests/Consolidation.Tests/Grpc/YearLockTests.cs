using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

/// <summary>Snapshots, publishing and the year lock: a published year refuses submissions until reopened with a reason.</summary>
public sealed class YearLockTests : IDisposable
{
    private readonly InProcessServer _server = new("code,name,type\n431001,岳阳市人民政府口岸管理办公室,行政\n431002,岳阳市第二局,行政\n");

    public void Dispose() => _server.Dispose();

    /// <summary>The consistent seed without its narrative: the narrative's 与上年相比 claims would contradict a copy filed as last year.</summary>
    private static Consolidation.Domain.Model.FinalAccounts TablesOnly() => Consistent().WithoutNarrative();

    /// <summary>
    /// The same accounts filed a year later: its 年初 differs from the copy's 年末, a 提示性 跨年 finding the department
    /// explains (as a department whose prior-year figures were adjusted would).
    /// </summary>
    private static Consolidation.Domain.Model.FinalAccounts NextYearExplained(int year)
    {
        var a = TablesOnly() with { FiscalYear = year };
        var last = TablesOnly() with { FiscalYear = year - 1 };
        var advisory = Consolidation.Domain.Checking.AccountsChecker.Standard.Check(a, last).Findings
            .Where(f => f.Severity == Consolidation.Domain.Rules.Severity.Advisory);
        return a with { Explanations = advisory.Select(f => new Consolidation.Domain.Model.Explanation(f.RuleId, f.Location.Text, "上年决算经审计调整，年初数按调整后填列。")).ToList() };
    }

    private SubmissionRecord Submit(Consolidation.Domain.Model.FinalAccounts a) =>
        _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a) });

    private ConsolidatedDisclosure Run(int year = 2023)
    {
        _server.AcceptAll(year); // the bureau accepts (已受理) what the checks passed
        return _server.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = year });
    }

    private YearLock Publish(int year = 2023, int run = 0) =>
        _server.Consolidation.PublishConsolidation(new PublishConsolidationRequest { FiscalYear = year, RunNumber = run });

    [Fact]
    public void LockedYear_RefusesASubmission_WithFailedPreconditionAndAChineseMessage_AndStoresNothing()
    {
        Submit(TablesOnly());
        Run();
        var state = Publish();
        Assert.True(state.Locked);
        Assert.Equal(1, state.PublishedRun);

        var e = Assert.Throws<RpcException>(() => Submit(TablesOnly()));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("2023 年度的汇总结果（第 1 次汇总）已发布，该年度已锁定，不再接收报送", e.Status.Detail);
        Assert.Contains("重新开放", e.Status.Detail);
        var versions = _server.Submissions.ListVersions(new ListVersionsRequest { DepartmentCode = "431001", FiscalYear = 2023 });
        Assert.Single(versions.Versions);
        // Another year is not locked.
        Assert.Equal(SubmissionStatus.Accepted, Submit(NextYearExplained(2024)).Status);
    }

    [Fact]
    public async Task LockedYear_ARetryOfARequestDecidedBefore_GetsItsOriginalResult_ANewRequestIsRefused()
    {
        SubmissionRecord Idempotent(Consolidation.Domain.Model.FinalAccounts a, string id) =>
            _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a), RequestId = id });
        var original = Idempotent(TablesOnly(), "req-before");
        Run();
        Publish();

        // The client lost the answer and retries after the year was published: the original result, nothing new.
        var retry = Idempotent(TablesOnly(), "req-before");
        Assert.True(retry.Replayed);
        Assert.Equal(SubmitOutcome.Stored, retry.Outcome);
        Assert.Equal(original.Version, retry.Version);
        Assert.Equal(original.ReceivedAt, retry.ReceivedAt);

        // The same in a batch; beside it, a new request for the locked year is refused with the lock's reason.
        using var call = _server.Submissions.SubmitBatch();
        await call.RequestStream.WriteAsync(new SubmitRequest { Accounts = AccountsMapper.ToProto(TablesOnly()), RequestId = "req-before" });
        await call.RequestStream.WriteAsync(new SubmitRequest { Accounts = AccountsMapper.ToProto(Seed()), RequestId = "req-after" });
        await call.RequestStream.CompleteAsync();
        var results = new List<SubmitResult>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) results.Add(call.ResponseStream.Current);
        var replayed = Assert.Single(results, r => r.RequestId == "req-before");
        Assert.True(replayed.Replayed);
        Assert.Equal(original.Version, replayed.Record.Version);
        var refused = Assert.Single(results, r => r.RequestId == "req-after");
        Assert.Equal(SubmitOutcome.Refused, refused.Outcome);
        Assert.Contains("已发布，该年度已锁定", refused.Reason);

        // A known request ID with other content stays refused too (nothing is stored for a locked year).
        var e = Assert.Throws<RpcException>(() => Idempotent(Seed(), "req-before"));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Single(_server.Submissions.ListVersions(new ListVersionsRequest { DepartmentCode = "431001", FiscalYear = 2023 }).Versions);
    }

    [Fact]
    public void ReopenedYear_AcceptsSubmissionsAgain_AndBothActsAreRecorded()
    {
        Submit(TablesOnly());
        Run();
        Publish();
        var state = _server.As(_server.BureauUserCredential("局长")).Consolidation.ReopenYear(new ReopenYearRequest { FiscalYear = 2023, Reason = "口岸办更正报送" });
        Assert.False(state.Locked);
        Assert.Equal(["publish", "reopen"], state.Acts.Select(a => a.Act));
        Assert.Equal(("局长", "口岸办更正报送"), (state.Acts[1].By, state.Acts[1].Reason));
        Assert.Equal(2, Submit(TablesOnly()).Version);
    }

    [Fact]
    public void Reopen_WithoutAReason_IsRefused_AndTheYearStaysLocked()
    {
        Submit(TablesOnly());
        Run();
        Publish();
        var e = Assert.Throws<RpcException>(() => _server.Consolidation.ReopenYear(new ReopenYearRequest { FiscalYear = 2023 }));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("原因", e.Status.Detail);
        Assert.True(_server.Consolidation.GetYearLock(new GetYearLockRequest { FiscalYear = 2023 }).Locked);
    }

    [Fact]
    public void Publish_OfAMissingRun_IsNotFound_AndOfALockedYear_IsFailedPrecondition()
    {
        Submit(TablesOnly());
        Assert.Equal(StatusCode.NotFound, Assert.Throws<RpcException>(() => Publish(run: 5)).StatusCode);
        Run();
        Publish();
        Assert.Equal(StatusCode.FailedPrecondition, Assert.Throws<RpcException>(() => Publish()).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, Assert.Throws<RpcException>(() =>
            _server.Consolidation.ReopenYear(new ReopenYearRequest { FiscalYear = 2022, Reason = "y" })).StatusCode);
    }

    [Fact]
    public void ALaterRun_NeverChangesAnEarlierOne_AndTheSameInputsGiveTheSameContentHash()
    {
        Submit(TablesOnly());
        var first = Run();
        var firstBytes = _server.Consolidation.GetConsolidation(new GetConsolidationRequest { FiscalYear = 2023, RunNumber = 1 }).ToByteArray();
        var second = Run();
        Assert.Equal(first.ContentHash, second.ContentHash); // same inputs, same content
        Submit(Department("431002", TablesOnly()));
        var third = Run();
        Assert.NotEqual(first.ContentHash, third.ContentHash);
        Assert.Equal(firstBytes, _server.Consolidation.GetConsolidation(new GetConsolidationRequest { FiscalYear = 2023, RunNumber = 1 }).ToByteArray());
        Assert.Equal(["431001"], first.Included.Select(i => i.DepartmentCode));
        Assert.Equal(64, first.Included[0].ContentHash.Length);
        Assert.Equal(("operator", 1), (first.RequestedBy, first.RunNumber)); // the principal of the call (the first bureau credential)
    }

    [Fact]
    public void YearOnYear_ComparesWithLastYearsPublishedRun()
    {
        Submit(TablesOnly() with { FiscalYear = 2022 });
        Run(2022);
        Publish(2022);
        Submit(NextYearExplained(2023));
        var run = Run();
        Assert.Equal(1, run.ComparedWithRun);
        Assert.Contains("2023年度收、支总计949.54万元。与上年相比，无增减变动。", run.Narrative);

        var unpublished = new InProcessServer();
        try
        {
            unpublished.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(TablesOnly()) });
            unpublished.AcceptAll(2023);
            var alone = unpublished.Consolidation.RunConsolidation(new RunConsolidationRequest { FiscalYear = 2023 });
            Assert.Equal(0, alone.ComparedWithRun);
            Assert.Contains("上年没有已发布的汇总结果，未作同比比较。", alone.Narrative);
        }
        finally { unpublished.Dispose(); }
    }

    private static Consolidation.Domain.Model.FinalAccounts Department(string code, Consolidation.Domain.Model.FinalAccounts a) =>
        a with { DepartmentCode = code, Composition = a.Composition with { Self = a.Composition.Self with { Code = code } } };
}
