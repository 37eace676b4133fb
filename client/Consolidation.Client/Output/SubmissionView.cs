using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;
using D = Consolidation.Domain.Model;

namespace Consolidation.Client.Output;

/// <summary>Prints a stored submission (submit, status) or a check's outcome (validate), then its findings.</summary>
public static class SubmissionView
{
    /// <param name="origin">where the input printed what a finding points at, when it was read from a PDF</param>
    public static void Record(IAnsiConsole console, SubmissionRecord r, D.AmountPrecision? precision, Func<Finding, string?>? origin = null)
    {
        var grid = Grid();
        Row(grid, "部门", $"{Terminal.Text(r.DepartmentCode)} {Terminal.Text(r.DepartmentName)}");
        Row(grid, "年度", r.FiscalYear.ToString());
        Row(grid, "版本", $"[bold]第 {r.Version} 版[/]");
        Row(grid, "状态", $"[bold]{Labels.Markup(r.Status)}[/]");
        if (r.ReviewState != ReviewState.Unspecified)
        {
            // The bureau's review (issue 13): where the version stands and what may happen next.
            Row(grid, "审核流程", $"[bold]{ReviewLabels.Name(r.ReviewState)}[/]{(r.ReturnReason.Length > 0 ? $"（退回原因：{Terminal.Text(r.ReturnReason)}）" : "")}");
            Row(grid, "下一步", Terminal.Text(r.NextAction));
        }
        Row(grid, Labels.TimeLabel("接收时间"), Labels.LocalTime(r.ReceivedAt));
        Row(grid, "报送人", Terminal.Text(r.SubmittedBy));
        Row(grid, "内容摘要", Terminal.Text(Labels.ShortHash(r.ContentHash)));
        Row(grid, "金额单位", precision is { } p ? D.Money.UnitName(p) : "万元（未取得报送数据，按万元显示）");
        Basis(grid, r.Basis, r.FiscalYear);
        console.Write(grid);
        FindingsView.Render(console, r.Findings, precision, origin);
    }

    public static void Validation(IAnsiConsole console, D.FinalAccounts accounts, ValidateReply reply, Func<Finding, string?>? origin = null)
    {
        var grid = Grid();
        Row(grid, "部门", $"{Terminal.Text(accounts.DepartmentCode)} {Terminal.Text(accounts.DepartmentName)}");
        Row(grid, "年度", accounts.FiscalYear.ToString());
        Row(grid, "审核结果", $"[bold]{Labels.Markup(reply.Status)}[/]（仅审核，未保存）");
        Row(grid, "金额单位", D.Money.UnitName(accounts.Precision));
        Basis(grid, reply.Basis, accounts.FiscalYear);
        console.Write(grid);
        FindingsView.Render(console, reply.Findings, accounts.Precision, origin);
    }

    /// <summary>What the check applied: the template and the year's catalogue (said when it is not the year's own), and the tails.</summary>
    private static void Basis(Grid grid, CheckBasis? basis, int fiscalYear)
    {
        if (basis is null || basis.CatalogueYear == 0) return;
        var template = Consolidation.Domain.Templates.TemplateCatalogue.Default.Find(basis.Template);
        Row(grid, "公开模板", Terminal.Text(template is null ? basis.Template : $"{template.Name}（{template.Id}）"));
        Row(grid, "审核公式", basis.CatalogueOfOwnYear
            ? $"{basis.CatalogueYear} 年度"
            : $"[yellow]{fiscalYear} 年度尚无审核公式，按最近的 {basis.CatalogueYear} 年度审核公式审核[/]");
        if (basis.TailCount > 0) Row(grid, "尾差", $"{basis.TailCount} 处（信息，不影响受理；见下方 WC-01，公开前可调平）");
    }

    private static Grid Grid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn();
        return grid;
    }

    private static void Row(Grid grid, string label, string markup) => grid.AddRow(new Markup($"[grey]{label}[/]"), new Markup(markup));
}
