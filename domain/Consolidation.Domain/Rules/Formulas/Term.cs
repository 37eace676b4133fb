using Consolidation.Domain.Layouts;

namespace Consolidation.Domain.Rules.Formulas;

/// <summary>What a term of a formula reads: one cell, the sum of a table's 类 rows in one column, or one column of the row in scope.</summary>
public enum TermKind
{
    /// <summary><c>T1.incomeTotal</c>, <c>T5.total.budget</c>, <c>T6.30217</c>, <c>last.T1.closingBalance</c>.</summary>
    Cell,
    /// <summary><c>Σ类(T2).fiscal</c>: the sum of the 类 rows in one column.</summary>
    Classes,
    /// <summary><c>fiscal</c> in <c>each row of T2:</c>, <c>T3.total</c> in <c>each 类:</c> — the row in scope.</summary>
    ScopedRow,
}

/// <summary>
/// One signed term of a formula, resolved against the table layouts when the file is read: a table, a row key (fixed
/// key or code; absent rows count as 0), a column index, and whether it reads last year's accounts (<c>last.</c>).
/// </summary>
public sealed record Term(int Sign, TermKind Kind, TableLayout Table, string Row, int Column, bool LastYear)
{
    /// <summary>The table's position in the standard layouts (T1 = 0): contexts index tables by it.</summary>
    public int TableOrdinal { get; } = IndexOf(StandardLayouts.All, Table);

    /// <summary>The row's position among the layout's fixed rows; −1 for a coded row (looked up by code).</summary>
    public int FixedPosition { get; } = IndexOf(Table.FixedRows.Select(r => r.Key).ToList(), Row);

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
            if (Equals(list[i], item)) return i;
        return -1;
    }

    public string ColumnKey => Table.Columns[Column].Key;

    /// <summary>How the term reads in a clerk's message: 本年收入合计, T2 合计·财政拨款收入, Σ类·年初预算数, 上年 T1 年末结转和结余.</summary>
    public string Describe(bool withTable)
    {
        var prefix = (LastYear ? "上年 " : "") + (withTable || LastYear ? Table.Id + " " : "");
        var column = Table.Columns[Column].Name;
        return prefix + Kind switch
        {
            TermKind.Classes => Table.IsSingleColumn ? "Σ类" : $"Σ类·{column}",
            TermKind.ScopedRow => column,
            _ => Table.IsSingleColumn ? RowName() : $"{RowName()}·{column}",
        };
    }

    private string RowName() => Table.FindFixedRow(Row)?.Name ?? Row;
}

/// <summary>=, ≤ or ≥ between the two sides of a formula.</summary>
public enum Relation { Equal, AtMost, AtLeast }
