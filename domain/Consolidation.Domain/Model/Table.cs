using Consolidation.Domain.Layouts;

namespace Consolidation.Domain.Model;

/// <summary>A coded row (function or economic code) of a table: its code, its printed name, one value per layout column.</summary>
public sealed record TableRow(string Code, string Name, long[] Values)
{
    public long this[int column] => Values[column];
}

/// <summary>
/// One of the nine tables: its fixed rows (合计, 本年收入合计, …) by key, and its coded rows in the order submitted.
/// Values are in 分, in the order of <see cref="TableLayout.Columns"/>.
/// </summary>
public sealed class Table
{
    public Table(TableLayout layout, IReadOnlyDictionary<string, long[]> fixedRows, IReadOnlyList<TableRow> rows)
    {
        Layout = layout;
        FixedRows = fixedRows;
        Rows = rows;
    }

    /// <summary>Every cell 0 (or no rows): an empty table, which owes its 空表说明 where it is T7, T8 or T9.</summary>
    public bool IsEmpty => FixedRows.Values.All(v => v.All(x => x == 0)) && Rows.All(r => r.Values.All(x => x == 0));

    public TableLayout Layout { get; }
    public IReadOnlyDictionary<string, long[]> FixedRows { get; }
    public IReadOnlyList<TableRow> Rows { get; }

    public string Id => Layout.Id;

    /// <summary>The value of a fixed row in one column; a missing fixed row counts as zero.</summary>
    public long Fixed(string rowKey, string columnKey) =>
        FixedRows.TryGetValue(rowKey, out var values) ? values[Layout.ColumnIndex(columnKey)] : 0;

    /// <summary>The values of a fixed row or of a coded row (by code); null when the table has no such row.</summary>
    public long[]? FindRow(string key)
    {
        if (FixedRows.TryGetValue(key, out var values)) return values;
        foreach (var row in Rows)
            if (row.Code == key) return row.Values;
        return null;
    }

    /// <summary>An empty table of this layout: every fixed row zero, no coded rows.</summary>
    public static Table Empty(TableLayout layout) =>
        new(layout, layout.FixedRows.ToDictionary(r => r.Key, _ => new long[layout.Columns.Count]), []);
}
