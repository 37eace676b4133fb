using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using Grpc.Core;

namespace Consolidation.Tests.Reliability;

/// <summary>
/// SubmitBatch (issue 15): hostile submissions between good ones — an over-long request ID, long.MinValue, a code of
/// full-width digits, a name with a newline, no accounts — each get their own MALFORMED result naming the field, and
/// every good neighbour in the same group is stored.
/// </summary>
public sealed class BatchIsolationTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    private static readonly (string Field, Action<SubmitRequest> Spoil)[] Poisons =
    [
        ("request_id", r => r.RequestId = new string('x', InputLimits.MaxRequestIdChars + 1)),
        ("tables.T1.otherIncome", r => r.Accounts.T1.OtherIncome = long.MinValue),
        ("department.code", r => r.Accounts.DepartmentCode = "４３１００９"),
        ("department.name", r => r.Accounts.DepartmentName = "名称\n伪造"),
        ("staffing", r => r.Accounts.Staffing.Actual = int.MaxValue),
        ("accounts", r => r.Accounts = null),
    ];

    [Fact]
    public async Task PoisonBetweenGoodOnes_EachGetsItsOwnResult_EveryGoodOneStored()
    {
        var departments = SyntheticBatch.Departments(9);
        var requests = new List<(SubmitRequest Request, string? Poison)>();
        for (var i = 0; i < departments.Count; i++)
        {
            requests.Add((new SubmitRequest { RequestId = $"good-{i}", Accounts = AccountsMapper.ToProto(departments[i]) }, null));
            if (i < Poisons.Length)
            {
                var bad = new SubmitRequest { RequestId = $"bad-{i}", Accounts = AccountsMapper.ToProto(departments[i]) };
                Poisons[i].Spoil(bad);
                requests.Add((bad, Poisons[i].Field));
            }
        }

        using var call = _server.Submissions.SubmitBatch();
        foreach (var (r, _) in requests) await call.RequestStream.WriteAsync(r);
        await call.RequestStream.CompleteAsync();
        var results = new List<SubmitResult>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) results.Add(call.ResponseStream.Current);

        Assert.Equal(requests.Count, results.Count);
        foreach (var result in results)
        {
            var (request, poison) = requests[result.Index];
            if (poison is null)
                Assert.Equal(SubmitOutcome.Stored, result.Outcome);
            else
            {
                Assert.Equal(SubmitOutcome.Malformed, result.Outcome);
                Assert.Contains(result.Violations, v => v.Field == poison);
            }
        }
        Assert.Equal(9, _server.Service<SubmissionBook>().Count());
    }
}
