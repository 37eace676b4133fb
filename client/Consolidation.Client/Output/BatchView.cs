using Consolidation.Client.Batch;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>The end of <c>fa batch</c>: the per-input result table and the summary (counts, time, rate).</summary>
public static class BatchView
{
    private static string Style(BatchOutcome outcome) => outcome switch
    {
        BatchOutcome.Accepted => "green",
        BatchOutcome.PendingExplanation => "yellow",
        BatchOutcome.Unchanged => "grey",
        BatchOutcome.Duplicate => "yellow",
        _ => "red",
    };

    /// <summary>
    /// The result table: every input when <paramref name="all"/>, else only the inputs that are not 已接收 or 未变
    /// (with a line saying how many were left out).
    /// </summary>
    public static void Table(IAnsiConsole console, IReadOnlyList<BatchItemResult> results, bool all)
    {
        var shown = all ? results : results.Where(r => r.Outcome is not (BatchOutcome.Accepted or BatchOutcome.Unchanged)).ToList();
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("文件").AddColumn("部门").AddColumn("年度").AddColumn("结果")
                .AddColumn(new TableColumn("版本").RightAligned()).AddColumn("说明");
            foreach (var r in shown)
            {
                var outcome = $"[{Style(r.Outcome)}]{r.Outcome.Name()}[/]" + (r.Outcome == BatchOutcome.Unchanged && r.Status.Length > 0 ? $"（{r.Status}）" : "")
                    + (r.FromJournal ? " [grey](上次)[/]" : r.Replayed ? " [grey](重放)[/]" : "");
                var reason = r.Reason.Length > 0 ? r.Reason : r.Details.FirstOrDefault() ?? "";
                if (r.Outcome == BatchOutcome.Malformed && r.Details.Count > 0)
                    reason = r.Reason + "\n" + string.Join("\n", r.Details.Take(5)) + (r.Details.Count > 5 ? $"\n…（共 {r.Details.Count} 处）" : "");
                table.AddRow(Terminal.Escape(r.File), Terminal.Escape(r.DepartmentCode.Length > 0 ? $"{r.DepartmentCode} {r.DepartmentName}" : "—"),
                    r.FiscalYear > 0 ? r.FiscalYear.ToString() : "—", outcome, r.Version > 0 ? r.Version.ToString() : "—", Terminal.Escape(reason));
            }
            console.Write(table);
        }
        var hidden = results.Count - shown.Count;
        if (hidden > 0) console.MarkupLine($"[grey]另有 {hidden} 份已接收或未变，未逐一列出（--table all 列出全部；--report 写出全部结果）[/]");
    }

    public static void Summary(IAnsiConsole console, BatchSummary s)
    {
        var parts = Enum.GetValues<BatchOutcome>().Where(o => s[o] > 0).Select(o => $"{o.Name()} {s[o]}");
        console.MarkupLine($"[bold]共 {s.Total} 份[/]：{Terminal.Escape(string.Join("，", parts))}");
        if (s.FromJournal > 0) console.MarkupLine($"其中 {s.FromJournal} 份上次已完成，取自续传日志，未再发送");
        if (s.Replayed > 0) console.MarkupLine($"其中 {s.Replayed} 份服务器按请求编号认出为重试，未重复保存");
        console.MarkupLine($"用时 {s.Elapsed.TotalSeconds:0.00} 秒，{s.Rate:0.0} 份/秒");
    }
}
