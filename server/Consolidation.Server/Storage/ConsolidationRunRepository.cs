using Consolidation.Contracts;
using Google.Protobuf;

namespace Consolidation.Server.Storage;

/// <summary>Consolidation runs: each one a new, numbered, immutable snapshot of its disclosure.</summary>
public sealed class ConsolidationRunRepository(LiteDbStore store)
{
    private readonly object _runLock = new();

    /// <summary>Stores the disclosure as the year's next run, setting its run number.</summary>
    public ConsolidatedDisclosure Add(ConsolidatedDisclosure disclosure)
    {
        lock (_runLock)
        {
            var last = store.Runs.Query().Where(r => r.FiscalYear == disclosure.FiscalYear).Select(r => r.RunNumber)
                .ToEnumerable().DefaultIfEmpty(0).Max();
            disclosure.RunNumber = last + 1;
            store.Runs.Insert(new ConsolidationRunDocument
            {
                Key = $"{disclosure.FiscalYear}/{disclosure.RunNumber}",
                FiscalYear = disclosure.FiscalYear,
                RunNumber = disclosure.RunNumber,
                CreatedAt = disclosure.CreatedAt.ToDateTime(),
                Scope = disclosure.ScopeCode,
                Disclosure = disclosure.ToByteArray(),
            });
        }
        return disclosure;
    }

    /// <summary>A stored run (0 = the latest of the year, of the scope when one is given); null when there is none.</summary>
    public ConsolidatedDisclosure? Get(int fiscalYear, int runNumber, string? scope = null)
    {
        var key = $"{fiscalYear}/{runNumber}"; // computed outside the predicate: LiteDB cannot translate interpolation
        var doc = runNumber > 0
            ? store.Runs.FindOne(r => r.Key == key)
            : store.Runs.Query().Where(r => r.FiscalYear == fiscalYear).ToEnumerable()
                .Where(r => scope is null || r.Scope == scope).OrderByDescending(r => r.RunNumber).FirstOrDefault();
        return doc is null ? null : ConsolidatedDisclosure.Parser.ParseFrom(doc.Disclosure);
    }
}
