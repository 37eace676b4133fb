using Consolidation.Client.Terms;
using System.Globalization;
using System.Net;
using System.Text;
using Consolidation.Contracts;
using Consolidation.Domain.Model;

namespace Consolidation.Client.Output.Exports;

/// <summary>
/// The consolidated disclosure as one self-contained, printable HTML file: no script, no external resource — the
/// styles inline and the charts inline SVG drawn here (expenditure by function 类, 三公 by part). The first thing on the
/// page says whether units are missing. Amounts are 分 rounded once to 万元.
/// </summary>
public static class HtmlExport
{
    public static string Render(ConsolidatedDisclosure d)
    {
        var sb = new StringBuilder();
        var title = ExportTables.Title(d);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{E(title)}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n");
        sb.Append($"<h1>{E(title)}</h1>\n");
        var summary = d.CoverageSummary;
        if (summary is not null)
            sb.Append(summary.Complete
                ? $"<p class=\"coverage complete\" id=\"coverage-statement\">{E(summary.Statement)}</p>\n"
                : $"<p class=\"coverage incomplete\" id=\"coverage-statement\"><strong>{E(summary.Statement)}</strong></p>\n");
        sb.Append("<p class=\"meta\">");
        sb.Append($"第 {d.RunNumber} 次汇总 · {E(Labels.LocalTime(d.CreatedAt))}（{E(Labels.Zone)}）· 汇总人 {E(d.RequestedBy)} · 内容指纹 <code>{E(Labels.ShortHash(d.ContentHash))}</code>");
        sb.Append("</p>\n<p class=\"unit\">金额单位：万元</p>\n");

        sb.Append("<section id=\"part1\"><h2>第一部分 汇总概况</h2>\n");
        Paragraphs(sb, d.Overview);
        Table(sb, ExportTables.Departments(d), "departments", ExportTables.Staff(d));
        sb.Append("</section>\n");

        sb.Append("<section id=\"charts\"><h2>图示</h2>\n");
        sb.Append(BarChart("chart-expenditure", "支出按功能分类（类）", ExportTables.ExpenditureByClass(d)));
        sb.Append(BarChart("chart-three-public", "“三公”经费按构成", ExportTables.ThreePublicParts(d)));
        sb.Append("</section>\n");

        sb.Append("<section id=\"part2\"><h2>第二部分 部门决算汇总表</h2>\n");
        foreach (var table in ExportTables.Nine(d)) Table(sb, table, table.Id);
        sb.Append("</section>\n");

        sb.Append("<section id=\"eliminations\"><h2>内部往来抵销</h2>\n");
        sb.Append("<p>规则：单位间内部往来（上级补助收入 ↔ 对附属单位补助支出，附属单位上缴收入 ↔ 上缴上级支出）在汇总数中抵销；" +
                  "双方填报不一致时按较小数抵销，差额留在汇总数中并列示如下，请双方核对。</p>\n");
        if (d.Eliminations.Count == 0) sb.Append("<p>本汇总范围内无内部往来。</p>\n");
        else Table(sb, ExportTables.Eliminations(d), "elimination-table");
        foreach (var issue in d.EliminationIssues) sb.Append($"<p class=\"warn\">{E(issue)}</p>\n");
        foreach (var o in d.Overlaps)
            sb.Append($"<p class=\"warn\">单位 {E(o.UnitCode)} 已由 {E(o.CoveredBy)} 的报送覆盖" +
                      (o.ExcludedSubmission.Length > 0 ? $"，其单独报送（{E(o.ExcludedSubmission)}）未重复计入" : "，两份报送均含该单位，请核对") + "。</p>\n");
        sb.Append("</section>\n");

        sb.Append("<section id=\"part3\"><h2>第三部分 汇总决算情况说明</h2>\n");
        Paragraphs(sb, d.Narrative);
        sb.Append("</section>\n");

        sb.Append("<section id=\"part4\"><h2>第四部分 名词解释</h2>\n<dl>\n");
        foreach (var term in d.Glossary) sb.Append($"<dt>{E(term.Name)}</dt><dd>{E(term.Definition)}</dd>\n");
        sb.Append("</dl>\n</section>\n");

        sb.Append("<section id=\"sources\"><h2>数据来源</h2>\n<table class=\"sources\"><thead><tr><th>单位编码</th><th>名称</th><th>版本</th><th>内容指纹（SHA-256）</th></tr></thead><tbody>\n");
        foreach (var s in d.Included)
            sb.Append($"<tr><td class=\"code\">{E(s.DepartmentCode)}</td><td>{E(s.DepartmentName)}</td><td class=\"num\">{s.Version}</td><td><code>{E(s.ContentHash)}</code></td></tr>\n");
        sb.Append("</tbody></table>\n</section>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Paragraphs(StringBuilder sb, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            sb.Append(IsHeading(line) ? $"<h3>{E(line)}</h3>\n" : $"<p>{E(line)}</p>\n");
    }

    private static bool IsHeading(string line) =>
        line.Length < 40 && (line.Length > 1 && "一二三四五六七八九十".Contains(line[0]) && line.Contains('、') || line.StartsWith('（') && line.Length < 30 && !line.Contains('。'));

    private static void Table(StringBuilder sb, ExportTable t, string id, IReadOnlyList<int>? staff = null)
    {
        sb.Append($"<h3 id=\"{E(id)}-title\">{E(t.Id == t.Title ? t.Title : $"{t.Id} {t.Title}")}</h3>\n");
        if (t.IsEmpty && t.Rows.Count > 0 && staff is null)
        {
            sb.Append($"<p class=\"empty\" id=\"{E(id)}\" data-table=\"{E(t.Id)}\">本表无数据。</p>\n");
            return;
        }
        sb.Append($"<table id=\"{E(id)}\" data-table=\"{E(t.Id)}\"><thead><tr><th>编码</th><th>项目</th>");
        foreach (var c in t.Columns) sb.Append($"<th>{E(c)}</th>");
        if (staff is not null) sb.Append("<th>实有人数</th>");
        sb.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var r = t.Rows[i];
            var indent = r.Code.Length > 3 && r.Code.All(char.IsAsciiDigit) ? $" style=\"padding-left:{(r.Code.Length - 3) / 2}em\"" : "";
            sb.Append(r.Emphasis ? "<tr class=\"total\">" : "<tr>");
            sb.Append($"<td class=\"code\">{E(r.Code)}</td><td{indent}>{E(r.Name)}</td>");
            foreach (var v in r.Values) sb.Append($"<td class=\"num\">{(t.Amounts ? ExportTables.Wan(v) : v.ToString(CultureInfo.InvariantCulture))}</td>");
            if (staff is not null) sb.Append($"<td class=\"num\">{(i < staff.Count ? staff[i] : staff.Sum())}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    /// <summary>A horizontal bar chart as inline SVG: one bar per item, scaled to the largest, labelled in 万元 and share.</summary>
    public static string BarChart(string id, string caption, IReadOnlyList<(string Label, long Fen)> items)
    {
        const int labelWidth = 260, barWidth = 380, rowHeight = 26, top = 30;
        var width = labelWidth + barWidth + 170;
        var height = top + Math.Max(1, items.Count) * rowHeight + 10;
        var max = items.Count == 0 ? 0 : items.Max(i => Math.Max(0, i.Fen));
        var total = items.Sum(i => i.Fen);
        var sb = new StringBuilder();
        sb.Append($"<figure><svg id=\"{E(id)}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(caption)}\">\n");
        sb.Append($"<text x=\"0\" y=\"18\" class=\"caption\">{E(caption)}（万元）</text>\n");
        if (items.Count == 0 || max == 0)
            sb.Append($"<text x=\"0\" y=\"{top + 16}\">无数据</text>\n");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, fen) = items[i];
            var y = top + i * rowHeight;
            // Bar length in whole pixels from integers: fen * barWidth / max, rounded down.
            var length = max == 0 ? 0 : (int)(Math.Max(0, fen) * (System.Numerics.BigInteger)barWidth / max);
            sb.Append($"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\">{E(label)}</text>");
            sb.Append($"<rect class=\"bar\" data-label=\"{E(label)}\" data-fen=\"{fen}\" x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(length, fen > 0 ? 1 : 0)}\" height=\"{rowHeight - 8}\"/>");
            sb.Append($"<text x=\"{labelWidth + length + 6}\" y=\"{y + 17}\">{ExportTables.Wan(fen)}（{Money.Percent(fen, total)}）</text>\n");
        }
        sb.Append("</svg></figure>\n");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #345; padding-bottom: .2em; margin-top: 1.6em; } h3 { margin-top: 1.2em; }
        .coverage { padding: .6em 1em; border-radius: 4px; } .coverage.incomplete { background: #fde8e8; border: 1px solid #c33; }
        .coverage.complete { background: #e8f5e9; border: 1px solid #3a3; } .meta, .unit { color: #555; font-size: .9em; }
        table { border-collapse: collapse; margin: .5em 0 1em; font-size: .85em; } th, td { border: 1px solid #999; padding: .2em .5em; }
        th { background: #eef; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.code { font-family: monospace; white-space: nowrap; } tr.total td { font-weight: bold; background: #f6f6f6; }
        .warn { color: #a00; } .empty { color: #666; font-style: italic; } svg.chart text { font-size: 13px; } svg .caption { font-weight: bold; }
        svg rect.bar { fill: #4a78b0; } dt { font-weight: bold; margin-top: .5em; } dd { margin-left: 1.5em; }
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
        h1, h2, h3 { break-after: avoid; break-inside: avoid; } tr, figure { break-inside: avoid; } thead { display: table-header-group; }
        @media print { body { margin: 0; } section { break-inside: auto; } }
        """;
}
