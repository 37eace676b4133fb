using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>Publish and reopen acts per fiscal year, append-only.</summary>
public sealed class LiteDbYearLockStore : IYearLockStore
{
    private readonly ILiteCollection<YearLockActRecord> _acts;

    public LiteDbYearLockStore(LiteDbStore store)
    {
        _acts = store.Database.GetCollection<YearLockActRecord>("year_lock_acts");
        _acts.EnsureIndex(a => a.FiscalYear);
    }

    public IReadOnlyList<YearLockActRecord> Acts(int fiscalYear) =>
        _acts.Find(a => a.FiscalYear == fiscalYear).OrderBy(a => a.Id).ToList();

    public void Add(YearLockActRecord act) => _acts.Insert(act);

    private readonly object _gate = new();

    /// <summary>One process owns the file: a lock in the process is enough.</summary>
    public T Exclusive<T>(Func<T> work)
    {
        lock (_gate) return work();
    }
}
