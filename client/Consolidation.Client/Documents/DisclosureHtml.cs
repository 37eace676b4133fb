using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Consolidation.Domain.Model;

namespace Consolidation.Client.Documents;

/// <summary>
/// A submission as its printed disclosure (部门决算公开), for the PDF: the cover (department and year), 第一部分 (决算单位构成
/// and staffing), 第二部分 the nine tables in the official layout (<see cref="OfficialTables"/>), 第三部分 the narrative with
/// its headings. A4 pages (<c>@page</c>), a viewport, page numbers in the page's foot, every table starting a page and
/// its title kept with it (<c>break-after: avoid</c>, <c>break-inside: avoid</c> on headings, title blocks and rows).
/// </summary>
public static partial class DisclosureHtml
{
    public static string Render(FinalAccounts a)
    {
        var sb = new StringBuilder();
        var name = E(a.DepartmentName);
        var unit = Money.UnitName(a.Precision);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{name} {a.FiscalYear} 年度部门决算</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n");
        sb.Append($"<section class=\"cover\"><p class=\"cover-name\">{name}</p><p class=\"cover-year\">{a.FiscalYear} 年度部门决算</p></section>\n");

        sb.Append($"<section class=\"part\"><h2>第一部分 {name}概况</h2>\n<h3>一、部门决算单位构成</h3>\n");
        sb.Append($"<p class=\"para\">纳入{name} {a.FiscalYear} 年度部门决算编制范围的单位包括：</p>\n");
        sb.Append("<table class=\"units\"><thead><tr><th>序号</th><th>单位名称</th></tr></thead><tbody>\n");
        sb.Append($"<tr><td>1</td><td>{E(a.Composition.Self.Name)}（本级）</td></tr>\n");
        var n = 2;
        foreach (var u in a.Composition.Subordinates)
            sb.Append($"<tr><td>{n++}</td><td>{E(u.Name)}（下属{TypeName(u.Type)}单位）</td></tr>\n");
        sb.Append("</tbody></table>\n<h3>二、人员情况</h3>\n");
        sb.Append($"<p class=\"para\">编制人数 {a.Staffing.Authorized} 人，实有人数 {a.Staffing.Actual} 人，退休人员 {a.Staffing.Retired} 人。</p>\n</section>\n");

        sb.Append($"<section class=\"part tables\"><h2>第二部分 {name} {a.FiscalYear} 年度部门决算表</h2>\n");
        foreach (var t in OfficialTables.Of(a)) Table(sb, t, a.DepartmentName, unit, a.Precision);
        sb.Append("</section>\n");

        sb.Append($"<section class=\"part narrative\"><h2>第三部分 {name} {a.FiscalYear} 年度部门决算情况说明</h2>\n");
        foreach (var line in a.Narrative.Split('\n').Where(l => l.Trim().Length > 0))
            sb.Append(Heading().IsMatch(line.Trim()) ? $"<h4>{E(line.Trim())}</h4>\n" : $"<p class=\"para\">{E(line.Trim())}</p>\n");
        sb.Append("</section>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>行政 / 事业 (UnitTypes' words); nothing for 其他 or a type not given: "下属单位".</summary>
    private static string TypeName(UnitType type) => type == UnitType.Other ? "" : UnitTypes.Name(type, "");

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")]
    private static partial Regex Heading();

    /// <summary>One official table: 表号, title, 编制单位 | 金额单位, the grid (merged cells as rowspan/colspan), the note.</summary>
    public static void Table(StringBuilder sb, OfficialTable t, string unitName, string unit, AmountPrecision precision)
    {
        var wide = t.Columns > 6 ? " wide" : "";
        sb.Append($"<div class=\"table-block{wide}\" id=\"{t.Id}\">\n<div class=\"table-head\"><p class=\"number\">{E(t.Number)}</p>");
        sb.Append($"<h3 class=\"title\">{E(t.Title)}</h3>");
        sb.Append($"<p class=\"unitline\"><span>编制单位：{E(unitName)}</span><span>金额单位：{E(unit)}</span></p></div>\n");
        sb.Append("<table class=\"official\"><thead>\n");
        foreach (var row in t.Header) Row(sb, row, "th", t, precision);
        sb.Append("</thead><tbody>\n");
        foreach (var row in t.Body) Row(sb, row, "td", t, precision);
        sb.Append("</tbody></table>\n");
        if (t.Note.Length > 0) sb.Append($"<p class=\"note\">{E(t.Note)}</p>\n");
        sb.Append("</div>\n");
    }

    private static void Row(StringBuilder sb, IReadOnlyList<OfficialCell?> cells, string tag, OfficialTable t, AmountPrecision precision)
    {
        sb.Append("<tr>");
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not { } cell) continue;
            var span = (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : "") + (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "");
            if (cell.Fen is { } fen)
                sb.Append($"<{tag} class=\"amount\"{span}>{Amount(fen, precision)}</{tag}>");
            else
                sb.Append($"<{tag}{(cell.IsCode ? " class=\"code\"" : "")}{span}>{E(cell.Text)}</{tag}>");
        }
        sb.Append("</tr>\n");
    }

    /// <summary>An amount as printed: two decimals, thousands separated (9,746.50), from the integer 分 rounded once.</summary>
    public static string Amount(long fen, AmountPrecision precision) =>
        OfficialWorkbook.Amount(fen, precision).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    public const string Css = """
        @page { size: A4; margin: 18mm 15mm 20mm 15mm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
        @page wide { size: A4 landscape; margin: 15mm 12mm 18mm 12mm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
        html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; color: #000; }
        body { margin: 0; }
        .cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; break-after: page; }
        .cover-name { font-size: 26pt; font-weight: bold; margin: 0 0 12mm 0; text-align: center; }
        .cover-year { font-size: 22pt; margin: 0; }
        .part { break-before: page; }
        .cover + .part { break-before: auto; }
        h2 { font-size: 15pt; text-align: center; margin: 0 0 6mm 0; break-after: avoid; break-inside: avoid; }
        h3, h4 { font-size: 12pt; margin: 4mm 0 2mm 0; break-after: avoid; break-inside: avoid; }
        h4 { text-indent: 2em; }
        .para { text-indent: 2em; line-height: 1.8; margin: 0 0 1mm 0; orphans: 2; widows: 2; }
        .table-block { break-before: page; }
        .tables > .table-block:first-of-type { break-before: auto; }   /* 第二部分's heading stays with the first table */
        .table-block.wide { page: wide; }
        .table-head { break-after: avoid; break-inside: avoid; }
        .number { text-align: right; margin: 0; font-size: 9pt; }
        .title { text-align: center; font-size: 14pt; margin: 1mm 0 2mm 0; }
        .unitline { display: flex; justify-content: space-between; margin: 0 0 1mm 0; font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.6pt solid #000; padding: 1.2mm 1.5mm; vertical-align: middle; }
        th { font-weight: bold; text-align: center; background: #f2f2f2; }
        td.amount, th.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.code { white-space: nowrap; }
        .note { font-size: 9pt; margin: 2mm 0 0 0; }
        .units td:first-child { text-align: center; width: 12mm; }
        td.code { min-width: 11mm; }
        """;
}
