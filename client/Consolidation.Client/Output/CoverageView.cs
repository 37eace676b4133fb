using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>The coverage of a year: the counts, then the departments (all of them, or only those not accepted).</summary>
public static class CoverageView
{
    public static void Render(IAnsiConsole console, Coverage coverage, bool onlyOutstanding)
    {
        console.MarkupLine($"[bold]{coverage.FiscalYear} 年度报送情况[/]：{Summary(coverage)}");
        var rows = onlyOutstanding
            ? coverage.Departments.Where(d => d.State != CoverageState.Accepted).ToList()
            : coverage.Departments.ToList();
        if (rows.Count == 0)
        {
            if (onlyOutstanding && coverage.Departments.Count > 0) console.MarkupLine("[green]应报部门均已接收。[/]");
            else if (coverage.Departments.Count == 0) console.MarkupLine("没有部门记录");
            return;
        }
        if (onlyOutstanding) console.MarkupLine("未接收的部门：");
        var table = new Table().AddColumns("编码", "名称", "情况", "最新版本", "最新状态", "汇总采用版本", "已登记");
        table.Columns[3].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var d in rows)
            table.AddRow(Terminal.Text(d.DepartmentCode), Terminal.Text(d.DepartmentName), Labels.Markup(d.State),
                d.LatestVersion > 0 ? d.LatestVersion.ToString() : "—",
                d.LatestVersion > 0 ? Labels.Markup(d.LatestStatus) : "—",
                d.AcceptedVersion > 0 ? d.AcceptedVersion.ToString() : "—",
                d.Registered ? "是" : "[yellow]否（不在应报名单）[/]");
        console.Write(table);
    }

    /// <summary>"应报 12 家：已接收 9，待说明 1，不通过 1，未报送 1".</summary>
    public static string Summary(Coverage c) =>
        $"应报 {c.ExpectedCount} 家：[green]已接收 {c.AcceptedCount}[/]，[yellow]待说明 {c.PendingCount}[/]，" +
        $"[red]不通过 {c.RejectedCount}[/]，[red]未报送 {c.MissingCount}[/]";
}
