using Consolidation.Server.Application.Ports;
using LiteDB;

namespace Consolidation.Server.Storage.LiteDb;

/// <summary>The registry's units and the append-only record of every change to them.</summary>
public sealed class LiteDbRegistryStore : IRegistryStore
{
    private readonly LiteDbStore _store;
    private readonly ILiteCollection<RegistryUnitRecord> _units;
    private readonly ILiteCollection<RegistryActRecord> _acts;

    public LiteDbRegistryStore(LiteDbStore store)
    {
        _store = store;
        _units = store.Database.GetCollection<RegistryUnitRecord>("registry_units");
        _units.EnsureIndex(u => u.Parent);
        _acts = store.Database.GetCollection<RegistryActRecord>("registry_acts");
        _acts.EnsureIndex(a => a.Code);
    }

    public IReadOnlyList<RegistryUnitRecord> All() => _units.FindAll().OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public RegistryUnitRecord? Find(string code) => _units.FindById(code);

    public bool IsEmpty => _units.Count() == 0;

    /// <summary>Writes the units and their acts in one transaction (no await inside: LiteDB binds it to the thread).</summary>
    public void Write(IReadOnlyList<(RegistryUnitRecord? Before, RegistryUnitRecord After, string Action)> changes, string by, DateTime at, string source)
    {
        if (changes.Count == 0) return;
        var db = _store.Database;
        db.BeginTrans();
        try
        {
            foreach (var (before, after, action) in changes)
            {
                _units.Upsert(after);
                _acts.Insert(new RegistryActRecord { At = at, By = by, Action = action, Code = after.Id, Before = before, After = after, Source = source });
            }
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    public IReadOnlyList<RegistryActRecord> Acts(string code) =>
        (code.Length == 0 ? _acts.FindAll() : _acts.Find(a => a.Code == code)).OrderBy(a => a.Id).ToList();
}
