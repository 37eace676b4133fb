using Consolidation.Domain.Consolidation;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;
using Consolidation.Server.Application.Ports;

namespace Consolidation.Server.Application;

/// <summary>
/// 预算单位名录: the finance bureau's list of departments and their units, kept in storage (IRegistryStore). Every change (add, change,
/// import) is a recorded act: who, when, the unit before and after. The start-up CSV (setting RegistryPath) is imported
/// once, into an empty registry.
/// </summary>
public sealed class RegistryBook(IRegistryStore repository, TimeProvider clock)
{
    // The units as last read, and their tree: the registry is read on every submission (who exists, who may submit for
    // whom), and only this class writes it (one process owns the data file), so it is read again only after a write.
    private sealed record Snapshot(IReadOnlyList<RegisteredDepartment> Units, UnitHierarchy Hierarchy);
    private readonly object _gate = new();
    private Snapshot? _cache;

    public IReadOnlyList<RegisteredDepartment> Units() => Cached().Units;

    public UnitHierarchy Hierarchy() => Cached().Hierarchy;

    public bool IsEmpty => Units().Count == 0;

    private Snapshot Cached()
    {
        lock (_gate)
        {
            if (_cache is { } cached) return cached;
            var units = repository.All().Select(ToDomain).ToList();
            return _cache = new Snapshot(units, new UnitHierarchy(units));
        }
    }

    private void Invalidate()
    {
        lock (_gate) _cache = null;
    }

    public IReadOnlyList<RegistryUnitRecord> List(string parent) =>
        repository.All().Where(u => parent.Length == 0 || u.Parent == parent).ToList();

    public IReadOnlyList<RegistryActRecord> Acts(string code) => repository.Acts(code);

    public RegistryUnitRecord Add(string code, string name, string parent, UnitType type, string by)
    {
        Validate(code, name, parent, type, by);
        if (repository.Find(code) is not null) throw new UnitExistsException(code);
        var after = Document(code, name, parent, type, by);
        repository.Write([(null, after, "add")], by, after.ChangedAt, "");
        Invalidate();
        return after;
    }

    public RegistryUnitRecord Change(string code, string name, string parent, UnitType type, string by)
    {
        Validate(code, name, parent, type, by);
        var before = repository.Find(code) ?? throw new UnitNotFoundException(code);
        var after = Document(code, name, parent, type, by);
        repository.Write([(before, after, "change")], by, after.ChangedAt, "");
        Invalidate();
        return after;
    }

    /// <summary>Adds or changes every unit of the CSV in one transaction; a bad line refuses the whole import.</summary>
    public (int Added, int Changed, int Unchanged) Import(string csv, string by, string source)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new RegistryRefusedException([new Violation("changed_by", "须写明修改人")]);
        var units = RegistryCsv.Parse(csv, source.Length > 0 ? source : "(csv)");
        var known = units.Select(u => u.Code).Concat(repository.All().Select(u => u.Id)).ToHashSet(StringComparer.Ordinal);
        var orphans = units.Where(u => u.Parent.Length > 0 && !known.Contains(u.Parent))
            .Select(u => new Violation(u.Code, $"上级单位 {u.Parent} 不在名录中")).ToList();
        if (orphans.Count > 0) throw new RegistryRefusedException(orphans);
        var changes = new List<(RegistryUnitRecord?, RegistryUnitRecord, string)>();
        int added = 0, changed = 0, unchanged = 0;
        foreach (var u in units)
        {
            var before = repository.Find(u.Code);
            if (before is not null && before.Name == u.Name && before.Parent == u.Parent && before.Type == (int)u.Type) { unchanged++; continue; }
            if (before is null) added++; else changed++;
            changes.Add((before, Document(u.Code, u.Name, u.Parent, u.Type, by), "import"));
        }
        repository.Write(changes, by, clock.GetUtcNow().UtcDateTime, source);
        Invalidate();
        return (added, changed, unchanged);
    }

    /// <summary>The start-up CSV: imported when the registry is empty, recorded as an import by "startup".</summary>
    public void ImportAtStartup(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !repository.IsEmpty) return;
        Import(File.ReadAllText(path), "startup", Path.GetFileName(path));
    }

    private void Validate(string code, string name, string parent, UnitType type, string by)
    {
        var problems = RegistryCsv.Check(code, name, parent, type == UnitType.Unspecified ? "?" : UnitTypes.Name(type), out _)
            .Select(p => new Violation(code, p)).ToList();
        if (parent.Length > 0 && problems.Count == 0)
        {
            if (repository.Find(parent) is null) problems.Add(new Violation("parent", $"上级单位 {parent} 不在名录中"));
            else if (Hierarchy().IsWithin(parent, code)) problems.Add(new Violation("parent", $"上级单位 {parent} 是 {code} 的下级：不能形成循环"));
        }
        if (string.IsNullOrWhiteSpace(by)) problems.Add(new Violation("changed_by", "须写明修改人"));
        if (problems.Count > 0) throw new RegistryRefusedException(problems);
    }

    private RegistryUnitRecord Document(string code, string name, string parent, UnitType type, string by) => new()
    {
        Id = code, Name = name.Trim(), Parent = parent, Type = (int)type, ChangedAt = clock.GetUtcNow().UtcDateTime, ChangedBy = by,
    };

    private static RegisteredDepartment ToDomain(RegistryUnitRecord d) => new(d.Id, d.Name, (UnitType)d.Type, d.Parent);
}
