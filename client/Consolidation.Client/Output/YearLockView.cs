using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>Prints a year's lock: locked or open, and the publish / reopen acts.</summary>
public static class YearLockView
{
    public static void Render(IAnsiConsole console, YearLock state)
    {
        console.MarkupLine(state.Locked
            ? $"[bold red]{state.FiscalYear} 年度已发布（第 {state.PublishedRun} 次汇总），已锁定：不再接收报送[/]"
            : $"[green]{state.FiscalYear} 年度未锁定：接收报送[/]");
        if (state.Acts.Count == 0) return;
        var table = new Table().AddColumns(Labels.TimeLabel("时间"), "动作", "汇总次序", "操作人", "原因");
        foreach (var a in state.Acts)
            table.AddRow(Labels.LocalTime(a.At), a.Act == "publish" ? "发布" : "重新开放", a.RunNumber.ToString(), Terminal.Text(a.By), Terminal.Text(a.Reason));
        console.Write(table);
    }
}
