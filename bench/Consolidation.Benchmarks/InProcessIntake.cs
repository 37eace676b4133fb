using Consolidation.Domain.Checking;
using Consolidation.Server.Application;
using Consolidation.Server.Services;
using Consolidation.Server.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consolidation.Benchmarks;

/// <summary>The server's intake over a LiteDB store, wired as the server wires it, without gRPC: what the benchmarks call "in process".</summary>
public static class InProcessIntake
{
    /// <summary>
    /// The idempotent intake (as the batch handler calls it) over <paramref name="store"/>, with an empty registry, as
    /// the benchmarks always had: the registry decides nothing (docs/access.md#registry).
    /// </summary>
    public static IdempotentIntake Open(LiteDbStore store)
    {
        var book = new SubmissionBook(new LiteDbSubmissionStore(store), ContractEncoding.Instance);
        var locks = new YearLocks(new LiteDbYearLockStore(store), new ConsolidationRuns(new LiteDbConsolidationRunStore(store), ContractEncoding.Instance), TimeProvider.System);
        var gate = new RegistryGate(new RegistryBook(new LiteDbRegistryStore(store), TimeProvider.System), new ServerOptions());
        var intake = new Intake(book, AccountsChecker.Standard, TimeProvider.System, locks, gate);
        return new IdempotentIntake(intake, book, TimeProvider.System, locks, gate, NullLogger<IdempotentIntake>.Instance);
    }
}
