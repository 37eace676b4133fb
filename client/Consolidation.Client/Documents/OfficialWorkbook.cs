using ClosedXML.Excel;
using Consolidation.Client.Inputs;
using Consolidation.Domain.Model;

namespace Consolidation.Client.Documents;

/// <summary>
/// Writes tables in the official 公开表 layout to a workbook (ClosedXML), one sheet per table: 表号, title, 编制单位,
/// 金额单位, merged header cells, codes as text cells, amounts as numbers with <c>#,##0.00</c>, column widths, frozen
/// headers, A4 print setup (landscape for the wide tables, fit to one page wide), the 说明 under the table.
/// </summary>
public static class OfficialWorkbook
{
    /// <summary>The sheet of a table: its 表号 and title ("公开01表 收入支出决算总表", within Excel's 31 characters).</summary>
    public static string SheetName(OfficialTable t) => $"{t.Number} {t.Title}" is var n && n.Length <= 31 ? n : n[..31];

    /// <summary>
    /// A submission as an official workbook: its nine tables, and the sheets a 公开表 workbook does not print but a
    /// submission holds (基本信息, 出错说明, 内部往来, 情况说明 — as <see cref="WorkbookFormat"/> writes them), so that
    /// reading it back gives the same submission.
    /// </summary>
    public static void Write(FinalAccounts a, string path)
    {
        using var workbook = new XLWorkbook();
        var unit = Money.UnitName(a.Precision);
        foreach (var table in OfficialTables.Of(a)) AddTable(workbook, table, a.DepartmentName, unit, fen => Amount(fen, a.Precision));
        WorkbookFormat.AddSupportSheets(workbook, AccountsGrids.Of(a));
        WorkbookFormat.Save(workbook, path);
    }

    /// <summary>分 as the cell's number in the unit: exact (built from the integer, no floating point), two decimals.</summary>
    public static decimal Amount(long fen, AmountPrecision precision)
    {
        var step = precision == AmountPrecision.WanYuan2 ? 10_000 : 1;
        var hundredths = Money.RoundHalfAwayFromZero(fen, step) / step;
        var magnitude = (ulong)Math.Abs(hundredths);
        return new decimal((int)(magnitude & 0xFFFFFFFF), (int)(magnitude >> 32), 0, hundredths < 0, 2);
    }

    public static IXLWorksheet AddTable(XLWorkbook workbook, OfficialTable t, string unitName, string amountUnit, Func<long, decimal> amount)
    {
        var ws = workbook.AddWorksheet(SheetName(t));
        var n = t.Columns;
        ws.Cell(1, n).SetValue(t.Number).Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        var title = ws.Range(2, 1, 2, n).Merge();
        title.FirstCell().SetValue(t.Title);
        title.Style.Font.SetBold().Font.SetFontSize(16).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        ws.Row(2).Height = 28;
        var left = Math.Max(1, n / 2);
        ws.Range(3, 1, 3, left).Merge().FirstCell().SetValue($"编制单位：{unitName}");
        var unitCell = ws.Range(3, left + 1, 3, n).Merge();
        unitCell.FirstCell().SetValue($"金额单位：{amountUnit}");
        unitCell.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);

        var row = 4;
        foreach (var r in t.Header) WriteRow(ws, row++, r, header: true, amount);
        var headerRows = t.Header.Count;
        ws.Range(4, 1, 3 + headerRows, n).Style.Font.SetBold().Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
            .Alignment.SetVertical(XLAlignmentVerticalValues.Center).Alignment.SetWrapText()
            .Fill.SetBackgroundColor(XLColor.FromHtml("#F2F2F2"));
        foreach (var r in t.Body) WriteRow(ws, row++, r, header: false, amount);
        var grid = ws.Range(4, 1, row - 1, n);
        grid.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        if (t.Note.Length > 0)
        {
            var note = ws.Range(row, 1, row, n).Merge();
            note.FirstCell().SetValue(t.Note);
            note.Style.Alignment.SetWrapText();
            ws.Row(row).Height = 30;
        }
        for (var c = 1; c <= n; c++)
        {
            var isAmount = t.AmountColumns[c - 1];
            var isCode = !isAmount && t.Body.Any(b => b[c - 1]?.IsCode == true);
            ws.Column(c).Width = isAmount ? 16 : isCode ? (t.Id == "T6" ? 10 : 6) : t.Id is "T1" or "T4" ? 34 : 30;
        }
        // Header rows tall enough for their wrapped text (nothing measures it for us: see HeaderLines).
        for (var h = 0; h < headerRows; h++)
        {
            var lines = 1;
            for (var c = 0; c < n; c++)
                if (t.Header[h][c] is { RowSpan: 1 } cell)
                    lines = Math.Max(lines, HeaderLines(cell.Text, Enumerable.Range(c + 1, cell.ColSpan).Sum(k => ws.Column(k).Width)));
            ws.Row(4 + h).Height = lines * 15 + 3;
        }
        ws.SheetView.FreezeRows(3 + headerRows);
        var page = ws.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = n > 6 ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        page.FitToPages(1, 0);
        page.CenterHorizontally = true;
        page.SetRowsToRepeatAtTop(4, 3 + headerRows);
        page.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.6).SetBottom(0.6);
        page.Footer.Center.AddText("第 &P 页，共 &N 页");
        return ws;
    }

    /// <summary>
    /// The lines a header's text wraps to in a column <paramref name="width"/> characters wide: a Chinese character takes
    /// two of Excel's character widths, anything else one (ClosedXML's own measuring needs System.Drawing: libgdiplus).
    /// </summary>
    public static int HeaderLines(string text, double width)
    {
        var units = text.Sum(ch => ch > 0x2E7F ? 2 : 1);
        var perLine = Math.Max(2, (int)Math.Floor(width) - 1);
        return Math.Max(1, (units + perLine - 1) / perLine);
    }

    private static void WriteRow(IXLWorksheet ws, int row, IReadOnlyList<OfficialCell?> cells, bool header, Func<long, decimal> amount)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c] is not { } cell) continue;
            var xl = ws.Cell(row, c + 1);
            if (cell.Fen is { } fen)
            {
                xl.SetValue(amount(fen));
                xl.Style.NumberFormat.Format = "#,##0.00";
            }
            else
            {
                xl.SetValue(cell.Text);
                if (cell.IsCode)
                {
                    // A text cell: 05 keeps its zero and never becomes the number 5.
                    xl.DataType = XLDataType.Text;
                    xl.Style.NumberFormat.Format = "@";
                }
            }
            if (cell.ColSpan > 1 || cell.RowSpan > 1) ws.Range(row, c + 1, row + cell.RowSpan - 1, c + cell.ColSpan).Merge();
        }
    }
}
