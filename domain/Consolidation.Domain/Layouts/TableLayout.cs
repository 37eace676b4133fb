namespace Consolidation.Domain.Layouts;

/// <summary>What the coded rows of a table are keyed by.</summary>
public enum RowKeying
{
    /// <summary>No coded rows: only fixed rows (T7).</summary>
    None,
    /// <summary>支出功能分类 类 codes only (3 digits): T1, T4.</summary>
    FunctionClass,
    /// <summary>支出功能分类 类/款/项 codes (3, 5, 7 digits): T2, T3, T5, T8, T9.</summary>
    Function,
    /// <summary>部门预算支出经济分类 类/款 codes (3, 5 digits): T6.</summary>
    Economic,
}

/// <summary>A column: its key (the contract's field name in camelCase) and its printed Chinese name.</summary>
public sealed record ColumnLayout(string Key, string Name);

/// <summary>Where a fixed row prints: before the coded rows (合计, income lines) or after them (totals, balances).</summary>
public enum RowPosition { BeforeCodedRows, AfterCodedRows }

/// <summary>A fixed row: its key (the contract's field name in camelCase), its printed name, where it prints.</summary>
public sealed record FixedRowLayout(string Key, string Name, RowPosition Position = RowPosition.BeforeCodedRows);

/// <summary>The layout of one public table: ID, title, columns, fixed rows and what its coded rows are keyed by.</summary>
public sealed class TableLayout
{
    private readonly Dictionary<string, int> _columnIndex;

    public TableLayout(string id, string name, RowKeying keying, IReadOnlyList<ColumnLayout> columns, IReadOnlyList<FixedRowLayout> fixedRows)
    {
        Id = id;
        Name = name;
        Keying = keying;
        Columns = columns;
        FixedRows = fixedRows;
        _columnIndex = columns.Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i);
    }

    /// <summary>"T1" … "T9".</summary>
    public string Id { get; }
    /// <summary>收入支出决算总表 …</summary>
    public string Name { get; }
    public RowKeying Keying { get; }
    public IReadOnlyList<ColumnLayout> Columns { get; }
    public IReadOnlyList<FixedRowLayout> FixedRows { get; }

    /// <summary>A one-column table's cells are plain amounts (T1, T6): the file format and the contract write them as numbers.</summary>
    public bool IsSingleColumn => Columns.Count == 1;

    public bool HasCodedRows => Keying != RowKeying.None;

    public int ColumnIndex(string key) =>
        _columnIndex.TryGetValue(key, out var i) ? i : throw new ArgumentException($"{Id} has no column '{key}'", nameof(key));

    public FixedRowLayout? FindFixedRow(string key) => FixedRows.FirstOrDefault(r => r.Key == key);

    public string ColumnName(string key) => Columns[ColumnIndex(key)].Name;

    public override string ToString() => $"{Id} {Name}";
}
