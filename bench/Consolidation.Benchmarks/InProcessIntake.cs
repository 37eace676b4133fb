using Consolidation.Contracts.Mapping;
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

    /// <summary>
    /// As the batch handler does: each request's accounts mapped from the contract to the domain, then decided in groups
    /// of 256; every one must be stored (fresh content under new request IDs).
    /// </summary>
    public static void StoreAll(IdempotentIntake intake, Contracts.FinalAccounts[] messages, string[] ids)
    {
        foreach (var group in Enumerable.Range(0, messages.Length).Chunk(256))
            if (intake.SubmitAll(group.Select(i => new IntakeRequest(ids[i], AccountsMapper.ToDomain(messages[i]), "bench")).ToList())
                .Any(r => r.Outcome != IntakeOutcome.Stored))
                throw new InvalidOperationException("a synthetic submission was not stored");
    }
}
