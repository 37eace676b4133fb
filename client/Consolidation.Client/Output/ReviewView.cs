using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>A version under review: state, next action, each finding with its explanation, the acts.</summary>
public static class ReviewView
{
    public static void Render(IAnsiConsole console, ReviewItem item)
    {
        console.MarkupLine($"[bold]{Terminal.Escape(item.DepartmentCode)} {Terminal.Escape(item.DepartmentName)}[/] {item.FiscalYear} 年度第 {item.Version} 版 · " +
                           $"[bold]{ReviewLabels.Name(item.State)}[/] · 报送人 {Terminal.Escape(item.SubmittedBy)}");
        console.MarkupLine($"下一步：{Terminal.Escape(item.NextAction)}");
        var table = new Table().AddColumns("规则", "严重程度", "位置", "审核结果", "出错说明");
        foreach (var f in item.Findings)
            table.AddRow(Terminal.Escape(f.RuleId), Labels.Name(f.Severity), Terminal.Escape(f.LocationText), Terminal.Escape(f.Message),
                f.Explained ? Terminal.Escape(f.Explanation) : f.Severity == Severity.Advisory ? "[red]未说明[/]" : "—");
        console.Write(table);
        foreach (var a in item.Acts)
            console.MarkupLine($"{Labels.LocalTime(a.At)} {(a.Act == "accept" ? "受理" : "退回")} · {Terminal.Escape(a.By)}{(a.Reason.Length > 0 ? " · " + Terminal.Escape(a.Reason) : "")}");
    }
}
