using Consolidation.Domain.Model;

namespace Consolidation.Domain.Rules;

/// <summary>
/// A rule's identity in the catalogue: a stable ID (never reused: Rules/released-rules.tsv lists every one ever shipped),
/// category, severity, what it checks, and the tolerance it applies in words (docs/rules.md). Each rule written in code
/// declares it beside its code (<c>public static RuleInfo Rule</c>); the identities file declares the formula rules'.
/// </summary>
public sealed record RuleInfo(string Id, string Category, Severity Severity, string Title, string Tolerance = RuleInfo.NoTolerance)
{
    /// <summary>A rule that compares no amounts (a code's shape, a word).</summary>
    public const string NoTolerance = "—";

    /// <summary>The tolerance of an identity over printed cells (docs/rules.md explains n).</summary>
    public const string IdentityTolerance = "元: 0; 万元: n × 0.005";

    public static RuleInfo Mandatory(string id, string category, string title, string tolerance = NoTolerance) => new(id, category, Severity.Mandatory, title, tolerance);
    public static RuleInfo Advisory(string id, string category, string title, string tolerance = NoTolerance) => new(id, category, Severity.Advisory, title, tolerance);
    public static RuleInfo Information(string id, string category, string title, string tolerance = NoTolerance) => new(id, category, Severity.Info, title, tolerance);
}

/// <summary>
/// What a check sees: the accounts, and the same department's accepted accounts of the year before when on file. It
/// indexes each table once per check (rows by key, 类 rows), so rules look rows up instead of scanning them.
/// </summary>
public sealed record CheckContext(FinalAccounts Accounts, FinalAccounts? LastYear = null)
{
    /// <summary>The template the accounts are printed in: which cells exist, which heading words name which topic.</summary>
    public Templates.Template Template { get; init; } = Templates.TemplateCatalogue.Default.National;

    /// <summary>Whether the template prints every cell a formula's terms read (a check on a cell it leaves out is not run).</summary>
    public bool Prints(IEnumerable<Formulas.Term> terms)
    {
        foreach (var t in terms)
            if (!Template.Prints(t.Table.Id, t.Kind == Formulas.TermKind.Cell ? t.Row : "*", t.ColumnKey)) return false;
        return true;
    }

    private readonly Dictionary<Table, TableIndex> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly TableIndex?[] _byOrdinal = new TableIndex?[2 * Layouts.StandardLayouts.All.Count];

    /// <summary>The index of one table of <see cref="Accounts"/> or <see cref="LastYear"/>, built on first use.</summary>
    public TableIndex Index(Table table)
    {
        if (!_indexes.TryGetValue(table, out var index)) _indexes[table] = index = new TableIndex(table);
        return index;
    }

    /// <summary>The index of the table at <paramref name="ordinal"/> of the standard layouts (T1 = 0), this year's or last year's.</summary>
    public TableIndex Index(int ordinal, bool lastYear)
    {
        var slot = lastYear ? ordinal + _byOrdinal.Length / 2 : ordinal;
        return _byOrdinal[slot] ??= Index((lastYear ? LastYear! : Accounts)[Layouts.StandardLayouts.All[ordinal].Id]);
    }
}

/// <summary>A table's rows by key (fixed rows by key, coded rows by code) and its coded rows by level.</summary>
public sealed class TableIndex
{
    private readonly Dictionary<string, long[]> _rows;
    private readonly long[]?[] _fixed;

    public TableIndex(Table table)
    {
        Table = table;
        _rows = new Dictionary<string, long[]>(table.FixedRows.Count + table.Rows.Count, StringComparer.Ordinal);
        foreach (var (key, values) in table.FixedRows) _rows[key] = values;
        var fixedRows = table.Layout.FixedRows;
        _fixed = new long[]?[fixedRows.Count];
        for (var i = 0; i < fixedRows.Count; i++) _fixed[i] = table.FixedRows.GetValueOrDefault(fixedRows[i].Key);
        var classes = new List<TableRow>();
        foreach (var row in table.Rows)
        {
            _rows.TryAdd(row.Code, row.Values);
            if (Cells.Level(table.Layout, row.Code) == 1) classes.Add(row);
        }
        Classes = classes;
    }

    public Table Table { get; }

    /// <summary>The 类 rows, in the order submitted.</summary>
    public IReadOnlyList<TableRow> Classes { get; }

    /// <summary>The values of a fixed row or coded row; null when the table has no such row.</summary>
    public long[]? Find(string key) => _rows.GetValueOrDefault(key);

    /// <summary>One cell; an absent row counts as 0.</summary>
    public long Value(string key, int column) => _rows.TryGetValue(key, out var v) ? v[column] : 0;

    /// <summary>One cell of the fixed row at <paramref name="position"/> of the layout; an absent row counts as 0.</summary>
    public long FixedValue(int position, int column) => _fixed[position] is { } v ? v[column] : 0;

    public long ClassSum(int column)
    {
        var sum = 0L;
        foreach (var row in Classes) sum += row.Values[column];
        return sum;
    }
}

/// <summary>
/// A check: a pure function from accounts to findings that declares, beside its code, the rules it reports — one rule
/// for most (<see cref="IRule"/>); the narrative's one reading reports every WZ rule (<c>Narrative/NarrativeCheck</c>).
/// Business failures are findings, never exceptions.
/// </summary>
public interface ICheck
{
    /// <summary>The rules whose findings this check reports, in catalogue order; it reports no other.</summary>
    IReadOnlyList<RuleInfo> Reports { get; }

    IEnumerable<Finding> Check(CheckContext context);
}

/// <summary>A check that reports one rule.</summary>
public interface IRule : ICheck
{
    RuleInfo Info { get; }

    IReadOnlyList<RuleInfo> ICheck.Reports => [Info];
}
