using LiteDB;

namespace Consolidation.Server.Storage;

/// <summary>Publish and reopen acts per fiscal year, append-only.</summary>
public sealed class YearLockRepository
{
    private readonly ILiteCollection<YearLockActDocument> _acts;

    public YearLockRepository(LiteDbStore store)
    {
        _acts = store.Database.GetCollection<YearLockActDocument>("year_lock_acts");
        _acts.EnsureIndex(a => a.FiscalYear);
    }

    public IReadOnlyList<YearLockActDocument> Acts(int fiscalYear) =>
        _acts.Find(a => a.FiscalYear == fiscalYear).OrderBy(a => a.Id).ToList();

    public void Add(YearLockActDocument act) => _acts.Insert(act);
}
