using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Spectre.Console;
using D = Consolidation.Domain.Model;
using Table = Spectre.Console.Table;

namespace Consolidation.Client.Output;

/// <summary>
/// Prints a consolidated disclosure (汇总): header, coverage, the departments' headline figures, the nine tables rendered
/// from their layouts, and the checks run over the totals. Amounts arrive in 分 and print in 万元, rounded once here.
/// </summary>
public static class DisclosureView
{
    private const string UnitLine = "金额单位：万元";

    public static void Render(IAnsiConsole console, ConsolidatedDisclosure d)
    {
        Header(console, d);
        console.WriteLine();
        CoverageView.Render(console, d.Coverage ?? new Coverage { FiscalYear = d.FiscalYear }, onlyOutstanding: true);
        console.WriteLine();
        Headlines(console, d);
        if (d.Totals is { } totals)
        {
            var accounts = AccountsMapper.ToDomain(totals);
            foreach (var layout in StandardLayouts.All)
            {
                console.WriteLine();
                RenderTable(console, accounts.Tables.GetValueOrDefault(layout.Id) ?? D.Table.Empty(layout));
            }
        }
        console.WriteLine();
        console.Write(new Rule("[bold]汇总数审核[/]").LeftJustified());
        // The totals are exact sums in 分 (precision 元): the checks' tolerances are sums of half-steps, printed in 元 so
        // they do not round away.
        FindingsView.Render(console, d.Findings, D.AmountPrecision.Yuan);
    }

    private static void Header(IAnsiConsole console, ConsolidatedDisclosure d)
    {
        console.Write(new Rule($"[bold]{d.FiscalYear} 年度部门决算汇总 · 第 {d.RunNumber} 次汇总[/]").LeftJustified());
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn();
        grid.AddRow(new Markup("[grey]年度[/]"), new Markup(d.FiscalYear.ToString()));
        grid.AddRow(new Markup("[grey]汇总次序[/]"), new Markup($"第 {d.RunNumber} 次"));
        grid.AddRow(new Markup("[grey]汇总时间[/]"), new Markup(Labels.LocalTime(d.CreatedAt)));
        grid.AddRow(new Markup("[grey]汇总人[/]"), new Markup(Labels.Text(d.RequestedBy)));
        grid.AddRow(new Markup("[grey]纳入部门[/]"), new Markup($"{d.Included.Count} 家"));
        console.Write(grid);
    }

    private static void Headlines(IAnsiConsole console, ConsolidatedDisclosure d)
    {
        console.MarkupLine($"[bold]纳入汇总的部门[/]（{UnitLine}）");
        if (d.Departments.Count == 0)
        {
            console.MarkupLine("（无）");
            return;
        }
        var table = new Table().AddColumns("编码", "名称", "版本", "收入", "支出", "财政拨款", "三公", "人员");
        for (var i = 2; i < 8; i++) table.Columns[i].RightAligned();
        foreach (var h in d.Departments)
            table.AddRow(Labels.Text(h.DepartmentCode), Labels.Text(h.DepartmentName), h.Version.ToString(),
                Money.FormatWanYuan(h.IncomeTotal), Money.FormatWanYuan(h.ExpenditureTotal), Money.FormatWanYuan(h.FiscalAppropriation),
                Money.FormatWanYuan(h.ThreePublicActual), h.StaffActual.ToString());
        // Summed in 分 and rounded once, so the 合计 row is the rounding of the true total, not a sum of roundings.
        table.AddRow("[bold]合计[/]", "", "", Sum(d, h => h.IncomeTotal), Sum(d, h => h.ExpenditureTotal),
            Sum(d, h => h.FiscalAppropriation), Sum(d, h => h.ThreePublicActual), d.Departments.Sum(h => h.StaffActual).ToString());
        console.Write(table);
    }

    private static string Sum(ConsolidatedDisclosure d, Func<DepartmentHeadline, long> amount) =>
        $"[bold]{Money.FormatWanYuan(d.Departments.Sum(amount))}[/]";

    /// <summary>One table from its layout: fixed rows before the coded rows, the coded rows indented by level, fixed rows after.</summary>
    public static void RenderTable(IAnsiConsole console, D.Table t)
    {
        var layout = t.Layout;
        var title = $"[bold]{layout.Id} {Markup.Escape(layout.Name)}[/]";
        if (IsEmpty(t))
        {
            console.MarkupLine($"{title}：本表无数据");
            return;
        }
        console.MarkupLine($"{title}（{UnitLine}）");
        var table = new Table();
        if (layout.HasCodedRows) table.AddColumn("科目编码");
        table.AddColumn("项目");
        foreach (var column in layout.Columns) table.AddColumn(new TableColumn(Markup.Escape(column.Name)).RightAligned());

        var blank = new long[layout.Columns.Count];
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows))
            AddRow(table, layout, "", $"[bold]{Markup.Escape(row.Name)}[/]", t.FixedRows.GetValueOrDefault(row.Key) ?? blank);
        foreach (var row in t.Rows)
            AddRow(table, layout, Markup.Escape(row.Code), Indent(row.Code) + Markup.Escape(row.Name), row.Values);
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows))
            AddRow(table, layout, "", $"[bold]{Markup.Escape(row.Name)}[/]", t.FixedRows.GetValueOrDefault(row.Key) ?? blank);
        console.Write(table);
    }

    private static void AddRow(Table table, TableLayout layout, string code, string name, long[] values)
    {
        var cells = new List<string>();
        if (layout.HasCodedRows) cells.Add(code);
        cells.Add(name);
        cells.AddRange(values.Select(Money.FormatWanYuan));
        table.AddRow(cells.ToArray());
    }

    /// <summary>类 (3 digits) flush, 款 (5) and 项 (7) indented one and two steps.</summary>
    private static string Indent(string code) => new('\u3000', Math.Max(0, (code.Length - 3) / 2));

    private static bool IsEmpty(D.Table t) =>
        t.FixedRows.Values.All(v => v.All(x => x == 0)) && t.Rows.All(r => r.Values.All(x => x == 0));
}
