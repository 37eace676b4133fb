using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Grpc.Core;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

/// <summary>Submit with a request ID: retries, conflicts, unchanged content, parallel retries.</summary>
public sealed class IdempotentSubmitTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    private SubmissionRecord Submit(Consolidation.Domain.Model.FinalAccounts a, string requestId) =>
        _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(a), RequestId = requestId });

    private int StoredCount() => _server.Service<SubmissionBook>().Count();

    [Fact]
    public void SameIdSameContent_ReturnsTheOriginalResult_AndStoresNothingNew()
    {
        var first = Submit(Consistent(), "req-1");
        var retry = Submit(Consistent(), "req-1");
        Assert.Equal(SubmitOutcome.Stored, first.Outcome);
        Assert.False(first.Replayed);
        Assert.Equal(SubmitOutcome.Stored, retry.Outcome);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.ReceivedAt, retry.ReceivedAt);
        Assert.Equal(first.ContentHash, retry.ContentHash);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void SameIdSameContent_AfterALaterVersion_StillReturnsTheOriginalVersion()
    {
        Submit(Seed(), "req-1");
        Submit(Consistent(), "req-2");
        var retry = Submit(Seed(), "req-1");
        Assert.Equal(1, retry.Version);
        Assert.Equal(SubmissionStatus.Rejected, retry.Status);
        Assert.Single(retry.Findings, f => f.Category == "表内" && f.Severity != Severity.Info); // the seed's one table error (its narrative has more)
        Assert.Equal(2, StoredCount());
    }

    [Fact]
    public void SameIdOtherContent_IsAlreadyExists_AndStoresNothing()
    {
        Submit(Consistent(), "req-1");
        var e = Assert.Throws<RpcException>(() => Submit(Seed(), "req-1"));
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Contains("req-1", e.Status.Detail);
        Assert.Contains("内容不同", e.Status.Detail);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void NewIdSameContentAsLatest_IsUnchanged_PointingToTheLatestVersion()
    {
        var first = Submit(Consistent(), "req-1");
        var again = Submit(Consistent(), "req-2");
        Assert.Equal(SubmitOutcome.Unchanged, again.Outcome);
        Assert.False(again.Replayed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(1, StoredCount());
        // and its own retry says unchanged again
        Assert.Equal(SubmitOutcome.Unchanged, Submit(Consistent(), "req-2").Outcome);
    }

    [Fact]
    public void NewIdSameContentAsAnOlderVersion_IsStoredAsANewVersion()
    {
        Submit(Consistent(), "req-1");
        Submit(Seed(), "req-2");
        var back = Submit(Consistent(), "req-3");
        Assert.Equal(SubmitOutcome.Stored, back.Outcome);
        Assert.Equal(3, back.Version);
    }

    [Fact]
    public void WithoutRequestId_EveryCallStoresAVersion_AsBefore()
    {
        _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(Consistent()) });
        var second = _server.Submissions.Submit(new SubmitRequest { Accounts = AccountsMapper.ToProto(Consistent()) });
        Assert.Equal(2, second.Version);
        Assert.Equal(SubmitOutcome.Unspecified, second.Outcome);
    }

    [Fact]
    public void MalformedWithRequestId_IsInvalidArgument_AndTheIdStaysFree()
    {
        var e = Assert.Throws<RpcException>(() => Submit(Consistent() with { DepartmentCode = "KA-01" }, "req-1"));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(0, StoredCount());
        Assert.Equal(SubmitOutcome.Stored, Submit(Consistent(), "req-1").Outcome);
    }

    [Fact]
    public async Task ParallelRetriesOfOneRequest_StoreOneVersion()
    {
        var request = new SubmitRequest { Accounts = AccountsMapper.ToProto(Consistent()), RequestId = "req-parallel" };
        var records = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => _server.Submissions.SubmitAsync(request).ResponseAsync));
        Assert.Equal(1, StoredCount());
        Assert.All(records, r => Assert.Equal(1, r.Version));
        Assert.All(records, r => Assert.Equal(SubmitOutcome.Stored, r.Outcome));
        Assert.Single(records, r => !r.Replayed);
    }

    [Fact]
    public async Task ParallelNewIdsOfOneContent_StoreOneVersion_TheRestUnchanged()
    {
        var proto = AccountsMapper.ToProto(Consistent());
        var records = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _server.Submissions.SubmitAsync(new SubmitRequest { Accounts = proto, RequestId = $"req-{i}" }).ResponseAsync));
        Assert.Equal(1, StoredCount());
        Assert.Single(records, r => r.Outcome == SubmitOutcome.Stored);
        Assert.Equal(15, records.Count(r => r.Outcome == SubmitOutcome.Unchanged));
    }
}
