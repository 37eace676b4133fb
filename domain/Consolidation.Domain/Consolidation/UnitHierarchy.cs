namespace Consolidation.Domain.Consolidation;

/// <summary>
/// The registry's tree of units: each unit's parent, up to the department (a unit without a parent). A code the
/// registry does not know is its own department.
/// </summary>
public sealed class UnitHierarchy
{
    private readonly Dictionary<string, RegisteredDepartment> _units;

    public UnitHierarchy(IEnumerable<RegisteredDepartment> units) =>
        _units = units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static UnitHierarchy Empty { get; } = new([]);

    public RegisteredDepartment? Find(string code) => _units.GetValueOrDefault(code);

    public string? NameOf(string code) => Find(code)?.Name;

    /// <summary>The top-level department a unit belongs to (itself when it has no parent or is unknown; cycles stop).</summary>
    public string DepartmentOf(string code)
    {
        var current = code;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_units.TryGetValue(current, out var unit) && unit.Parent.Length > 0 && seen.Add(current))
            current = unit.Parent;
        return current;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> or below it.</summary>
    public bool IsWithin(string code, string scope) => DepartmentOf(code) == scope || Ancestors(code).Contains(scope);

    private IEnumerable<string> Ancestors(string code)
    {
        var current = code;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        yield return current;
        while (_units.TryGetValue(current, out var unit) && unit.Parent.Length > 0 && seen.Add(current))
        {
            current = unit.Parent;
            yield return current;
        }
    }
}
