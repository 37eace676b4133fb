using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>Consolidation runs in the LiteDB file: each one a new, numbered, immutable snapshot of its disclosure.</summary>
public sealed class LiteDbConsolidationRunStore(LiteDbStore store) : IConsolidationRunStore
{
    private readonly object _runLock = new();

    public ConsolidationRunRecord Add(int fiscalYear, string scope, DateTime createdAt, Func<int, byte[]> content)
    {
        lock (_runLock)
        {
            var last = store.Runs.Query().Where(r => r.FiscalYear == fiscalYear).Select(r => r.RunNumber)
                .ToEnumerable().DefaultIfEmpty(0).Max();
            var run = last + 1;
            var record = new ConsolidationRunRecord
            {
                Key = $"{fiscalYear}/{run}", FiscalYear = fiscalYear, RunNumber = run, CreatedAt = createdAt, Scope = scope, Disclosure = content(run),
            };
            store.Runs.Insert(record);
            return record;
        }
    }

    public ConsolidationRunRecord? Get(int fiscalYear, int runNumber, string? scope = null)
    {
        var key = $"{fiscalYear}/{runNumber}"; // computed outside the predicate: LiteDB cannot translate interpolation
        return runNumber > 0
            ? store.Runs.FindOne(r => r.Key == key)
            : store.Runs.Query().Where(r => r.FiscalYear == fiscalYear).ToEnumerable()
                .Where(r => scope is null || r.Scope == scope).OrderByDescending(r => r.RunNumber).FirstOrDefault();
    }
}
