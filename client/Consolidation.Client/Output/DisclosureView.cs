using Consolidation.Client.Terms;
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
        if (d.Overview.Length > 0)
        {
            console.Heading("[bold]第一部分 汇总概况[/]");
            console.WriteLine(d.Overview);
            console.WriteLine();
        }
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
        Eliminations(console, d);
        if (d.Narrative.Length > 0)
        {
            console.WriteLine();
            console.Heading("[bold]第三部分 汇总决算情况说明[/]");
            console.WriteLine(d.Narrative.TrimEnd());
        }
        if (d.Glossary.Count > 0)
        {
            console.WriteLine();
            console.Heading("[bold]第四部分 名词解释[/]");
            foreach (var term in d.Glossary) console.WriteLine($"{term.Name}：{term.Definition}");
        }
    }

    /// <summary>内部往来抵销: every pair, both sides' amounts, the eliminated amount and the difference; mismatches marked.</summary>
    private static void Eliminations(IAnsiConsole console, ConsolidatedDisclosure d)
    {
        if (d.Eliminations.Count == 0 && d.Overlaps.Count == 0 && d.EliminationIssues.Count == 0) return;
        console.WriteLine();
        console.MarkupLine($"[bold]内部往来抵销[/]（{UnitLine}；双方不一致时按较小数抵销，差额留在汇总数中）");
        if (d.Eliminations.Count > 0)
        {
            var table = new Table().AddColumns("付出方→收到方", "往来", "付出方填报", "收到方填报", "抵销数", "差额");
            for (var i = 2; i < 6; i++) table.Columns[i].RightAligned();
            foreach (var e in d.Eliminations)
                table.AddRow(Terminal.Text($"{e.PayerCode}→{e.ReceiverCode}"), e.Flow == "subsidy" ? "补助" : "上缴",
                    Money.FormatWanYuan(e.PayerAmount), Money.FormatWanYuan(e.ReceiverAmount), Money.FormatWanYuan(e.Eliminated),
                    e.Difference == 0 ? "0.00" : $"[red]{Money.FormatWanYuan(e.Difference)} 不一致[/]");
            console.Write(table);
            foreach (var e in d.Eliminations.Where(e => e.Difference != 0)) console.MarkupLine($"[red]{Terminal.Escape(e.Message)}[/]");
        }
        foreach (var issue in d.EliminationIssues) console.MarkupLine($"[yellow]{Terminal.Escape(issue)}[/]");
        foreach (var o in d.Overlaps)
            console.MarkupLine($"[yellow]单位 {Terminal.Escape(o.UnitCode)} 已由 {Terminal.Escape(o.CoveredBy)} 的报送覆盖" +
                (o.ExcludedSubmission.Length > 0 ? $"，其单独报送未重复计入[/]" : "，两份报送均含该单位，请核对[/]"));
    }

    private static void Header(IAnsiConsole console, ConsolidatedDisclosure d)
    {
        var scope = string.IsNullOrEmpty(d.ScopeName) ? "" : $"{Terminal.Escape(d.ScopeName)} · ";
        console.Heading($"[bold]{scope}{d.FiscalYear} 年度部门决算汇总 · 第 {d.RunNumber} 次汇总[/]");
        if (d.CoverageSummary is { } summary)
            console.MarkupLine(summary.Complete ? $"[green]{Terminal.Escape(summary.Statement)}[/]" : $"[bold red]{Terminal.Escape(summary.Statement)}[/]");
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn();
        grid.AddRow(new Markup("[grey]年度[/]"), new Markup(d.FiscalYear.ToString()));
        grid.AddRow(new Markup("[grey]汇总次序[/]"), new Markup($"第 {d.RunNumber} 次"));
        grid.AddRow(new Markup($"[grey]{Labels.TimeLabel("汇总时间")}[/]"), new Markup(Labels.LocalTime(d.CreatedAt)));
        grid.AddRow(new Markup("[grey]汇总人[/]"), new Markup(Terminal.Text(d.RequestedBy)));
        grid.AddRow(new Markup("[grey]纳入报送[/]"), new Markup($"{d.Included.Count} 份"));
        if (d.ContentHash.Length > 0) grid.AddRow(new Markup("[grey]内容指纹[/]"), new Markup(Terminal.Text(d.ContentHash)));
        if (d.ComparedWithRun > 0) grid.AddRow(new Markup("[grey]同比基准[/]"), new Markup($"{d.FiscalYear - 1} 年度已发布的第 {d.ComparedWithRun} 次汇总"));
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
            table.AddRow(Terminal.Text(h.DepartmentCode), Terminal.Text(h.DepartmentName), h.Version.ToString(),
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
        var title = $"[bold]{layout.Id} {Terminal.Escape(layout.Name)}[/]";
        if (IsEmpty(t))
        {
            console.MarkupLine($"{title}：本表无数据");
            return;
        }
        console.MarkupLine($"{title}（{UnitLine}）");
        var table = new Table();
        if (layout.HasCodedRows) table.AddColumn("科目编码");
        table.AddColumn("项目");
        foreach (var column in layout.Columns) table.AddColumn(new TableColumn(Terminal.Escape(column.Name)).RightAligned());

        var blank = new long[layout.Columns.Count];
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows))
            AddRow(table, layout, "", $"[bold]{Terminal.Escape(row.Name)}[/]", t.FixedRows.GetValueOrDefault(row.Key) ?? blank);
        foreach (var row in t.Rows)
            AddRow(table, layout, Terminal.Escape(row.Code), Indent(row.Code) + Terminal.Escape(row.Name), row.Values);
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows))
            AddRow(table, layout, "", $"[bold]{Terminal.Escape(row.Name)}[/]", t.FixedRows.GetValueOrDefault(row.Key) ?? blank);
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
