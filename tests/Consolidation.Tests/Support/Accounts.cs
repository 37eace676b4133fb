using Consolidation.Domain.Files;
using Consolidation.Domain.Model;

namespace Consolidation.Tests.Support;

/// <summary>Sample accounts for tests, and copies of accounts with one thing changed.</summary>
public static class Accounts
{
    /// <summary>The seed department as published (with its real errors).</summary>
    public static FinalAccounts Seed() => SubmissionFile.Read(Repo.SeedSample);

    /// <summary>
    /// The seed department with its one arithmetic error corrected (T5 合计 年初预算 463.48 → 461.57, the sum of its
    /// items): consistent within the rounding tolerance, and still carrying the 0.01 tail gaps of its note 1.
    /// </summary>
    public static FinalAccounts Consistent() => Seed().WithCell("T5", "total", "budget", Wan(461.57m));

    /// <summary>A copy with one cell set (fen): a fixed row by key or a coded row by code.</summary>
    public static FinalAccounts WithCell(this FinalAccounts a, string table, string row, string column, long fen)
    {
        var t = a[table];
        var c = t.Layout.ColumnIndex(column);
        var fixedRows = t.FixedRows.ToDictionary(kv => kv.Key, kv => (long[])kv.Value.Clone());
        var rows = t.Rows.Select(r => r with { Values = (long[])r.Values.Clone() }).ToList();
        if (fixedRows.TryGetValue(row, out var values)) values[c] = fen;
        else rows.Single(r => r.Code == row).Values[c] = fen;
        return a.WithTable(new Table(t.Layout, fixedRows, rows));
    }

    public static long Cell(this FinalAccounts a, string table, string row, string column) =>
        a[table].FindRow(row)![a[table].Layout.ColumnIndex(column)];

    public static FinalAccounts WithTable(this FinalAccounts a, Table table)
    {
        var tables = a.Tables.ToDictionary(kv => kv.Key, kv => kv.Value);
        tables[table.Id] = table;
        return a with { Tables = tables };
    }

    public static FinalAccounts WithoutTable(this FinalAccounts a, string table) =>
        a with { Tables = a.Tables.Where(kv => kv.Key != table).ToDictionary(kv => kv.Key, kv => kv.Value) };

    /// <summary>万元 → 分.</summary>
    public static long Wan(decimal wanYuan) => (long)(wanYuan * 1_000_000m);
}
