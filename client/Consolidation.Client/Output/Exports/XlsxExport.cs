using ClosedXML.Excel;
using Consolidation.Client.Documents;
using Consolidation.Client.Inputs;
using Consolidation.Contracts;
using Consolidation.Contracts.Mapping;
using Consolidation.Domain.Layouts;
using D = Consolidation.Domain.Model;

namespace Consolidation.Client.Output.Exports;

/// <summary>
/// The consolidated disclosure as an XLSX workbook (ClosedXML, the one spreadsheet library): an overview sheet, the nine
/// tables in the official 公开表 layout (<see cref="OfficialWorkbook"/>: 表号, title, 编制单位, 金额单位, merged headers,
/// codes split 类/款/项 as text, <c>#,##0.00</c>, frozen headers, A4), the department list, the elimination report and
/// the sources. Amounts are numeric cells in 万元 with exactly two decimals, made from the integer 分 rounded once.
/// </summary>
public static class XlsxExport
{
    public static void Write(string path, ConsolidatedDisclosure d)
    {
        using var workbook = new XLWorkbook();
        var overview = workbook.AddWorksheet("概况");
        var lines = new List<string> { ExportTables.Title(d), d.CoverageSummary?.Statement ?? "", "金额单位：万元",
            $"第 {d.RunNumber} 次汇总；内容指纹 {d.ContentHash}" };
        lines.AddRange(d.Overview.Split('\n'));
        lines.AddRange(d.Narrative.Split('\n'));
        var r = 1;
        overview.Cell(r++, 1).SetValue("内容").Style.Font.SetBold();
        foreach (var line in lines.Where(l => l.Length > 0)) overview.Cell(r++, 1).SetValue(line);
        overview.Column(1).Width = 120;
        overview.Column(1).Style.Alignment.SetWrapText();

        var accounts = d.Totals is null ? null : AccountsMapper.ToDomain(d.Totals);
        var template = Domain.Templates.TemplateCatalogue.Default.Find(accounts?.Template ?? "") ?? Domain.Templates.TemplateCatalogue.Default.National;
        var unitName = string.IsNullOrEmpty(d.ScopeName) ? "全市汇总" : d.ScopeName;
        foreach (var layout in StandardLayouts.All)
        {
            var table = accounts?.Tables.GetValueOrDefault(layout.Id) ?? D.Table.Empty(layout);
            var official = OfficialTables.Of(table, template, accounts?.NoteOf(layout.Id) ?? "");
            OfficialWorkbook.AddTable(workbook, official, unitName, "万元", WanYuan);
        }
        Sheet(workbook, ExportTables.Departments(d), ExportTables.Staff(d));
        Sheet(workbook, ExportTables.Eliminations(d));
        var sources = workbook.AddWorksheet("来源");
        string[] header = ["单位编码", "名称", "版本", "内容指纹（SHA-256）"];
        for (var c = 0; c < header.Length; c++) sources.Cell(1, c + 1).SetValue(header[c]).Style.Font.SetBold();
        r = 2;
        foreach (var s in d.Included)
        {
            Text(sources.Cell(r, 1), s.DepartmentCode);
            sources.Cell(r, 2).SetValue(s.DepartmentName);
            sources.Cell(r, 3).SetValue(s.Version);
            Text(sources.Cell(r, 4), s.ContentHash);
            r++;
        }
        // Fixed widths: ClosedXML measures text for AdjustToContents with System.Drawing, which needs libgdiplus.
        sources.Column(1).Width = 14;
        sources.Column(2).Width = 36;
        sources.Column(3).Width = 8;
        sources.Column(4).Width = 68;
        if (File.Exists(path)) File.Delete(path);
        WorkbookFormat.Save(workbook, path);
    }

    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    /// <summary>A list sheet (部门, 抵销): 编码 as text, 项目, the amount columns as numbers, optionally 实有人数.</summary>
    private static void Sheet(XLWorkbook workbook, ExportTable t, IReadOnlyList<int>? staff = null)
    {
        var ws = workbook.AddWorksheet(t.Id);
        string[] header = ["编码", "项目", .. t.Columns, .. staff is null ? Array.Empty<string>() : ["实有人数"]];
        for (var c = 0; c < header.Length; c++) ws.Cell(1, c + 1).SetValue(header[c]).Style.Font.SetBold();
        for (var i = 0; i < t.Rows.Count; i++)
        {
            var row = t.Rows[i];
            Text(ws.Cell(i + 2, 1), row.Code);
            ws.Cell(i + 2, 2).SetValue(row.Name);
            for (var c = 0; c < t.Columns.Count; c++)
            {
                ws.Cell(i + 2, c + 3).SetValue(WanYuan(row.Values[c]));
                ws.Cell(i + 2, c + 3).Style.NumberFormat.Format = "#,##0.00";
            }
            if (staff is not null) ws.Cell(i + 2, t.Columns.Count + 3).SetValue(i < staff.Count ? staff[i] : staff.Sum());
        }
        if (t.Rows.Count == 0) ws.Cell(2, 2).SetValue("本表无数据");
        ws.Column(1).Width = 22;
        ws.Column(2).Width = 36;
        for (var c = 0; c < header.Length - 2; c++) ws.Column(c + 3).Width = 16;
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
    }

    /// <summary>
    /// 分 → 万元 as an exact two-decimal cell value: the amount rounded once to a whole number of 0.01 万元 (half away from
    /// zero), then given scale 2. No floating point: the decimal is built from the integer.
    /// </summary>
    public static decimal WanYuan(long fen) => OfficialWorkbook.Amount(fen, D.AmountPrecision.WanYuan2);
}
