using Consolidation.Contracts.Mapping;
using Consolidation.Server.Application;
using Consolidation.Server.Application.Ports;
using Consolidation.Server.Storage.LiteDb;
using Consolidation.Tests.Support;
using static Consolidation.Tests.Support.Accounts;

namespace Consolidation.Tests.Grpc;

/// <summary>A call cancelled (its deadline passed, its caller gone) while its submission is checked stores nothing.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly InProcessServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Submit_CancelledDuringTheCheck_StoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _server.Service<Intake>().Submit(Consistent(), "test", cancelled.Token));
        Assert.Equal(0, _server.Service<SubmissionBook>().Count());
    }

    [Fact]
    public void SubmitAll_CancelledBeforeTheStore_StoresNothing_AndRecordsNoRequestId()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var request = new IntakeRequest("cancelled-1", Consistent(), "test");
        Assert.ThrowsAny<OperationCanceledException>(() => _server.Service<IdempotentIntake>().SubmitAll([request], cancelled.Token));
        Assert.Equal(0, _server.Service<SubmissionBook>().Count());
        // The same request ID later is a new request, not a replay.
        var result = _server.Service<IdempotentIntake>().SubmitAll([request]).Single();
        Assert.Equal((IntakeOutcome.Stored, false), (result.Outcome, result.Replayed));
    }
}
