using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Grpc.Core;
using D = Consolidation.Domain.Model;

namespace Consolidation.Tests.Grpc;

/// <summary>SubmitBatch: many submissions on one stream, one result each; bad ones never spoil the good ones.</summary>
public sealed class SubmitBatchTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    private int StoredCount() => _server.Service<SubmissionBook>().Count();

    private async Task<List<SubmitResult>> Batch(IEnumerable<SubmitRequest> requests)
    {
        using var call = _server.Submissions.SubmitBatch();
        var reading = Task.Run(async () =>
        {
            var results = new List<SubmitResult>();
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) results.Add(call.ResponseStream.Current);
            return results;
        });
        foreach (var r in requests) await call.RequestStream.WriteAsync(r);
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    private static SubmitRequest Request(D.FinalAccounts a, string id) =>
        new() { Accounts = AccountsMapper.ToProto(a), RequestId = id };

    /// <summary>200 departments: 5 malformed (a bad code), 5 rejected (T3 total off by 10 万元), the rest consistent.</summary>
    private static List<SubmitRequest> TwoHundred()
    {
        var departments = SyntheticBatch.Departments(200);
        return departments.Select((a, i) => i switch
        {
            _ when i % 40 == 3 => Request(a with { DepartmentCode = "BAD-" + i }, $"r{i}"),
            _ when i % 40 == 7 => Request(a.WithCell("T3", "total", "total", a.Cell("T3", "total", "total") + 100_000_00), $"r{i}"),
            _ => Request(a, $"r{i}"),
        }).ToList();
    }

    [Fact]
    public async Task TwoHundred_WithMalformedAndRejected_EveryGoodOneStored_EveryBadOneReported()
    {
        var requests = TwoHundred();
        var results = await Batch(requests);

        Assert.Equal(200, results.Count);
        Assert.Equal(Enumerable.Range(0, 200), results.Select(r => r.Index).Order());
        Assert.All(results, r => Assert.Equal(requests[r.Index].RequestId, r.RequestId));
        var malformed = results.Where(r => r.Outcome == SubmitOutcome.Malformed).ToList();
        Assert.Equal(5, malformed.Count);
        Assert.All(malformed, r => Assert.Contains(r.Violations, v => v.Field == "department.code"));
        Assert.All(malformed, r => Assert.Contains("未保存", r.Reason));
        var stored = results.Where(r => r.Outcome == SubmitOutcome.Stored).ToList();
        Assert.Equal(195, stored.Count);
        var rejected = stored.Where(r => r.Record.Status == SubmissionStatus.Rejected).ToList();
        Assert.Equal(5, rejected.Count);
        Assert.All(rejected, r => Assert.Contains(r.Record.Findings, f => f.Location.Table == "T3" && f.Severity == Severity.Mandatory));
        Assert.Equal(190, stored.Count(r => r.Record.Status == SubmissionStatus.Accepted));
        Assert.Equal(195, StoredCount());
        Assert.All(stored, r => Assert.Equal(1, r.Record.Version));
    }

    [Fact]
    public async Task RetryOfTheWholeBatch_StoresNothingNew_AndReplaysTheResults()
    {
        var requests = TwoHundred();
        var first = (await Batch(requests)).OrderBy(r => r.Index).ToList();
        var retry = (await Batch(requests)).OrderBy(r => r.Index).ToList();
        Assert.Equal(195, StoredCount());
        Assert.Equal(first.Select(r => (r.Outcome, r.Record?.Version, r.Record?.Status)), retry.Select(r => (r.Outcome, r.Record?.Version, r.Record?.Status)));
        Assert.All(retry.Where(r => r.Outcome == SubmitOutcome.Stored), r => Assert.True(r.Replayed));
    }

    [Fact]
    public async Task SameContentUnderNewIds_IsUnchanged_NoNewVersions()
    {
        var departments = SyntheticBatch.Departments(20);
        await Batch(departments.Select((a, i) => Request(a, $"a{i}")));
        var again = await Batch(departments.Select((a, i) => Request(a, $"b{i}")));
        Assert.All(again, r => Assert.Equal(SubmitOutcome.Unchanged, r.Outcome));
        Assert.All(again, r => Assert.Equal(1, r.Record.Version));
        Assert.Equal(20, StoredCount());
    }

    [Fact]
    public async Task SameIdOtherContent_InABatch_IsRefused_OthersUnaffected()
    {
        var departments = SyntheticBatch.Departments(3);
        await Batch([Request(departments[0], "x")]);
        var results = (await Batch([Request(departments[1], "x"), Request(departments[2], "y")])).OrderBy(r => r.Index).ToList();
        Assert.Equal(SubmitOutcome.Refused, results[0].Outcome);
        Assert.Contains("内容不同", results[0].Reason);
        Assert.Equal(SubmitOutcome.Stored, results[1].Outcome);
        Assert.Equal(2, StoredCount());
    }

    [Fact]
    public async Task MissingRequestIdOrAccounts_AreReportedPerItem()
    {
        var a = SyntheticBatch.Departments(1)[0];
        var results = (await Batch([Request(a, ""), new SubmitRequest { RequestId = "no-accounts" }, Request(a, "ok")])).OrderBy(r => r.Index).ToList();
        Assert.Equal(SubmitOutcome.Refused, results[0].Outcome);
        Assert.Contains("request_id", results[0].Reason);
        Assert.Equal(SubmitOutcome.Malformed, results[1].Outcome);
        Assert.Equal("accounts", Assert.Single(results[1].Violations).Field);
        Assert.Equal(SubmitOutcome.Stored, results[2].Outcome);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public async Task OneRequestIdTwiceInOneBatch_StoresOnce()
    {
        var a = SyntheticBatch.Departments(1)[0];
        var results = (await Batch([Request(a, "dup"), Request(a, "dup")])).OrderBy(r => r.Index).ToList();
        Assert.False(results[0].Replayed);
        Assert.True(results[1].Replayed);
        Assert.Equal(results[0].Record.Version, results[1].Record.Version);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public async Task ParallelBatchesOfTheSameRequests_StoreEachOnce()
    {
        var departments = SyntheticBatch.Departments(30);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Batch(departments.Select((a, i) => Request(a, $"p{i}")))));
        Assert.Equal(30, StoredCount());
        Assert.All(runs, run => Assert.All(run, r => Assert.Equal(SubmitOutcome.Stored, r.Outcome)));
        Assert.Equal(30, runs.SelectMany(run => run).Count(r => !r.Replayed));
    }
}
