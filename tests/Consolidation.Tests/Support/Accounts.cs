using Consolidation.Domain.Files;
using Consolidation.Domain.Model;

namespace Consolidation.Tests.Support;

/// <summary>Sample accounts for tests, and copies of accounts with one thing changed.</summary>
public static class Accounts
{
    /// <summary>The seed department as published (with its real errors).</summary>
    public static FinalAccounts Seed() => SubmissionFile.Read(Repo.SeedSample);

    /// <summary>The real Shanghai 2024 disclosure of 普陀区规划和自然资源局, as printed (template shanghai-2024).</summary>
    public static FinalAccounts Putuo() => SubmissionFile.Read(Repo.PutuoSample);

    /// <summary>
    /// The seed department with its one arithmetic error corrected (T5 合计 年初预算 463.48 → 461.57, the sum of its
    /// items): consistent within the rounding tolerance, and still carrying the 0.01 tail gaps of its note 1 — and its
    /// narrative with the same correction and its other real errors corrected (<see cref="CorrectedNarrative"/>). Its
    /// narrative still states numbers no table holds (来访团组, 标箱 …): those are 信息 findings (WZ-13, WZ-14) only.
    /// </summary>
    public static FinalAccounts Consistent()
    {
        var seed = Seed();
        return seed.WithCell("T5", "total", "budget", Wan(461.57m)) with { Narrative = CorrectedNarrative(seed.Narrative) };
    }

    /// <summary>The seed's narrative with each of its real errors corrected, one replacement per error.</summary>
    public static string CorrectedNarrative(string narrative)
    {
        var corrections = new (string Wrong, string Right)[]
        {
            ("其他支出101.64万元，占12.83%", "其他支出101.64万元，占12.84%"),
            ("年初预算数为463.48万元，支出决算数为791.59万元，完成年初预算的170.79%", "年初预算数为461.57万元，支出决算数为791.59万元，完成年初预算的171.50%"),
            ("增长10.49%", "增长10.50%"),
            ("8、商品服务业等支出（类）", "8、商业服务业等支出（类）"),
            ("支出决算为203.59万元。决算数小于年初预算数的主要原因是财政未下拨该预算指标", "支出决算为203.59万元。决算数大于年初预算数的主要原因是年初未纳入预算"),
            ("社会保障和就业支出（类）支出", "社会保障和就业支出（类）"),
            ("卫生健康支出（类）支出", "卫生健康支出（类）"),
            ("商业服务业等支出（类）支出", "商业服务业等支出（类）"),
            ("原因是是", "原因是"),
            ("100%，，", "100%，"),
            ("2023年年度", "2023年度"),
            ("任务和和应达到", "任务和应达到"),
            ("专用材料购置费、劳务费、", "专用材料购置费、"),
            ("年初结转和结余0万；", "年初结转和结余0万元；"),
        };
        foreach (var (wrong, right) in corrections)
        {
            if (!narrative.Contains(wrong, StringComparison.Ordinal)) throw new InvalidOperationException($"the seed narrative no longer says “{wrong}”");
            narrative = narrative.Replace(wrong, right, StringComparison.Ordinal);
        }
        return narrative;
    }

    /// <summary>A copy without a narrative: for tests that move table cells and look only at the table checks.</summary>
    public static FinalAccounts WithoutNarrative(this FinalAccounts a) => a with { Narrative = "" };

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

    /// <summary>
    /// Last year's accounts that agree with <paramref name="a"/>'s opening balances: the same department one year earlier,
    /// whose 年末 (T1, T4 per fund, T8, T9) are this year's 年初 — so the cross-year checks run and pass.
    /// </summary>
    public static FinalAccounts LastYearOf(FinalAccounts a)
    {
        var last = a with { FiscalYear = a.FiscalYear - 1 };
        last = last.WithCell("T1", "closingBalance", "amount", a.Cell("T1", "openingBalance", "amount"));
        foreach (var column in a["T4"].Layout.Columns)
            last = last.WithCell("T4", "closingBalance", column.Key, a.Cell("T4", "incomeOpening", column.Key));
        foreach (var t in new[] { "T8", "T9" })
            last = last.WithCell(t, "total", "closingBalance", a.Cell(t, "total", "openingBalance"));
        return last;
    }

    /// <summary>The findings that weigh: 强制性 and 提示性 (an 信息 finding, e.g. "no last year on file", weighs nothing).</summary>
    public static IEnumerable<Consolidation.Domain.Rules.Finding> Weighing(this IEnumerable<Consolidation.Domain.Rules.Finding> findings) =>
        findings.Where(f => f.Severity != Consolidation.Domain.Rules.Severity.Info);

    /// <summary>万元 → 分.</summary>
    public static long Wan(decimal wanYuan) => (long)(wanYuan * 1_000_000m);
}
