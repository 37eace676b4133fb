using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Consolidation.Domain.Model;
using AmountPrecision = Consolidation.Domain.Model.AmountPrecision;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>
/// Prints findings so a clerk can act on them: grouped by severity (强制性, 提示性, 信息), each with its rule, where it
/// points (table, row, column and the location text an explanation must name), the amounts in the accounts' unit, the
/// message and, for 提示性 findings, the explanation or what to add; then a one-line summary.
/// </summary>
public static class FindingsView
{
    private static readonly Severity[] Order = [Severity.Mandatory, Severity.Advisory, Severity.Info, Severity.Unspecified];

    /// <param name="precision">The unit the accounts were published in; null (unknown) prints 万元.</param>
    /// <param name="origin">where the input printed what a finding points at ("PDF 第 5 页…"), when it was read from a PDF</param>
    public static void Render(IAnsiConsole console, IReadOnlyCollection<Finding> findings, AmountPrecision? precision,
        Func<Finding, string?>? origin = null)
    {
        var unit = precision ?? AmountPrecision.WanYuan2;
        if (findings.Count == 0)
        {
            console.MarkupLine("[green]审核未发现问题。[/]");
        }
        var number = 0;
        foreach (var severity in Order)
        {
            var group = findings.Where(f => f.Severity == severity).ToList();
            if (group.Count == 0) continue;
            console.WriteLine();
            console.Heading($"[{Labels.Style(severity)} bold]{Labels.Name(severity)}[/]（{group.Count} 条）{Hint(severity)}");
            foreach (var f in group) RenderOne(console, f, ++number, unit, origin);
        }
        console.WriteLine();
        console.MarkupLine(Summary(findings));
    }

    /// <summary>"2 条强制性，3 条提示性（1 条未说明）", with 信息 when there are any.</summary>
    public static string Summary(IReadOnlyCollection<Finding> findings)
    {
        var mandatory = findings.Count(f => f.Severity == Severity.Mandatory);
        var advisory = findings.Count(f => f.Severity == Severity.Advisory);
        var unexplained = findings.Count(f => f.Severity == Severity.Advisory && !f.Explained);
        var info = findings.Count(f => f.Severity == Severity.Info);
        var text = $"[{(mandatory > 0 ? "red" : "default")}]{mandatory} 条强制性[/]，" +
                   $"[{(unexplained > 0 ? "yellow" : "default")}]{advisory} 条提示性（{unexplained} 条未说明）[/]";
        return info > 0 ? text + $"，{info} 条信息" : text;
    }

    private static string Hint(Severity severity) => severity switch
    {
        Severity.Mandatory => " — 必须改正后重新报送",
        Severity.Advisory => " — 须改正或在报送文件 explanations 中说明",
        Severity.Info => " — 仅供参考",
        _ => "",
    };

    private static void RenderOne(IAnsiConsole console, Finding f, int number, AmountPrecision unit, Func<Finding, string?>? origin)
    {
        var e = Markup.Escape;
        var category = f.Category.Length > 0 ? $" [grey]{e(f.Category)}[/]" : "";
        console.MarkupLine($"{number,3}. [{Labels.Style(f.Severity)}]{Labels.Name(f.Severity)}[/] [bold]{e(f.RuleId)}[/]{category}");
        console.Indented(5, $"位置：{e(Where(f.Location))}（定位 [bold]{e(LocationText(f))}[/]）");
        if (origin?.Invoke(f) is { } printed) console.Indented(5, $"[blue]{Terminal.Escape(printed)}[/]");
        if (f.Expected != 0 || f.Actual != 0 || f.Difference != 0 || f.Tolerance != 0)
            console.Indented(5, Figures(f, unit));
        console.Indented(5, e(f.Message));
        if (f.Severity != Severity.Advisory) return;
        if (f.Explained)
            console.Indented(5, $"[green]已说明：[/]{e(f.Explanation)}");
        else
            console.Indented(5, $"[yellow]未说明：[/]请改正，或在报送文件 explanations 中加入 " +
                               e($"{{ \"ruleId\": \"{f.RuleId}\", \"location\": \"{LocationText(f)}\", \"text\": \"…\" }}") + " 后重新报送");
    }

    /// <summary>"T5 一般公共预算财政拨款支出决算表「合计」行「年初预算数」列", leaving out what the finding does not name.</summary>
    public static string Where(CellLocation? l)
    {
        if (l is null) return "—";
        var parts = new List<string>();
        var table = string.Join(" ", new[] { l.Table, l.TableName }.Where(s => s.Length > 0));
        if (table.Length > 0) parts.Add(table);
        var row = l.RowName.Length > 0 ? l.RowName : l.Row;
        if (row.Length > 0) parts.Add($"「{row}」行");
        var column = l.ColumnName.Length > 0 ? l.ColumnName : l.Column;
        if (column.Length > 0) parts.Add($"「{column}」列");
        return parts.Count > 0 ? string.Concat(parts) : "—";
    }

    /// <summary>The location text ("T5/total/budget") an explanation must name.</summary>
    public static string LocationText(Finding f) =>
        f.LocationText.Length > 0 ? f.LocationText
        : f.Location is { } l ? $"{l.Table}/{l.Row}/{l.Column}" : "";

    private static string Signed(long fen, AmountPrecision unit) => (fen > 0 ? "+" : "") + Money.Format(fen, unit);

    /// <summary>"应为 … 实为 … 差额 … 容差 …" in what the finding counts: 分 in the accounts' unit, percentages, or counts.</summary>
    public static string Figures(Finding f, AmountPrecision unit)
    {
        switch (f.Quantity)
        {
            case FindingQuantity.BasisPoints:
                static string Pct(long bp) => Money.Percent(bp, 10_000);
                return $"应为 {Pct(f.Expected)}，实为 {Pct(f.Actual)}，差额 {(f.Difference > 0 ? "+" : "")}{Pct(f.Difference).TrimEnd('%')} 个百分点，" +
                       $"容差 {Pct(f.Tolerance).TrimEnd('%')} 个百分点";
            case FindingQuantity.UndefinedRate:
                return $"应为 无（基数为 0，比率无从计算），实为 {Money.Percent(f.Actual, 10_000)}";
            case FindingQuantity.BudgetMoney:
                var bu = Money.UnitName(unit);
                return $"预算数 {Money.Format(f.Expected, unit)} {bu}，决算数 {Money.Format(f.Actual, unit)} {bu}，" +
                       $"{(f.Difference >= 0 ? "超出" : "结余")} {Money.Format(Math.Abs(f.Difference), unit)} {bu}";
            case FindingQuantity.Count:
                return $"应为 {f.Expected}，实为 {f.Actual}，差额 {(f.Difference > 0 ? "+" : "")}{f.Difference}";
            default:
                var u = Money.UnitName(unit);
                return $"应为 {Money.Format(f.Expected, unit)} {u}，实为 {Money.Format(f.Actual, unit)} {u}，" +
                       $"差额 {Signed(f.Difference, unit)} {u}，容差 {Consolidation.Domain.Rules.Tolerance.Format(f.Tolerance, unit)} {u}";
        }
    }
}
