using System.Globalization;
using ClosedXML.Excel;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;

namespace Consolidation.Client.Inputs;

/// <summary>
/// The XLSX workbook (docs/batch.md): sheets 基本信息, one per table named "T1 收入支出决算总表" … (a sheet named just
/// "T1" is read too) laid out as the published table — title row, "金额单位：万元" row, header row
/// 科目编码 | 科目名称 | columns, then the rows — 出错说明, 内部往来 (optional) and 情况说明. Amount cells are numbers or text; a number is
/// read as its shortest decimal text and parsed as in the JSON format, so 461.57 stays exactly 461.57.
/// </summary>
public static class WorkbookFormat
{
    public const string InfoSheet = "基本信息";
    public const string ExplanationSheet = "出错说明";
    public const string TransferSheet = "内部往来";
    public const string NarrativeSheet = "情况说明";
    /// <summary>Below Excel's 32,767 characters per cell: a longer narrative continues in the next rows.</summary>
    private const int NarrativeCellChars = 30_000;

    public static string SheetName(TableLayout layout) => $"{layout.Id} {layout.Name}";

    public static FinalAccounts Read(string path)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                                      or ArgumentException or InvalidOperationException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            throw new SubmissionFileException(path, [new Violation("(工作簿)", $"无法打开 XLSX 工作簿：{ReadErrorText.Of(e)}")]);
        }
        using (workbook)
            return OfficialWorkbookFormat.IsOfficial(workbook)
                ? OfficialWorkbookFormat.Read(path, workbook, new Pdf.PdfImportOptions(SubmissionInput.RegistryBeside(path)))
                : Read(path, workbook);
    }

    /// <summary>Reads a workbook of this program's layout that is already open.</summary>
    public static FinalAccounts Read(string path, XLWorkbook workbook)
    {
        {
            Grid? Sheet(Func<string, bool> match) =>
                workbook.Worksheets.FirstOrDefault(s => match(s.Name)) is { } ws ? ToGrid(ws) : null;
            var tables = StandardLayouts.All.ToDictionary(l => l.Id,
                l => Sheet(n => n == l.Id || n.StartsWith(l.Id + " ", StringComparison.Ordinal)));
            var narrativeSheet = workbook.Worksheets.FirstOrDefault(s => s.Name == NarrativeSheet);
            var narrative = narrativeSheet is null ? "" : string.Concat(
                Enumerable.Range(2, Math.Max(0, narrativeSheet.LastRowUsed()?.RowNumber() - 1 ?? 0)).Select(r => CellText(narrativeSheet.Cell(r, 1))));
            return AccountsGridReader.Read(path, Sheet(n => n == InfoSheet), tables, Sheet(n => n == ExplanationSheet), Sheet(n => n == TransferSheet), narrative,
                $"工作表「{InfoSheet}」", l => $"工作表「{SheetName(l)}」");
        }
    }

    private static Grid ToGrid(IXLWorksheet ws)
    {
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        var rows = new List<string[]>(lastRow);
        var problems = new Dictionary<(int, int), string>();
        for (var r = 1; r <= lastRow; r++)
        {
            var row = new string[lastColumn];
            for (var c = 1; c <= lastColumn; c++)
            {
                var cell = ws.Cell(r, c);
                if (!cell.HasFormula) row[c - 1] = CellText(cell);
                else if (FormulaText(cell, out var problem) is { } text) row[c - 1] = text;
                else
                {
                    row[c - 1] = "";
                    problems[(r - 1, c - 1)] = problem;
                }
            }
            rows.Add(row);
        }
        return new Grid(ws.Name, spreadsheet: true, rows, problems);
    }

    /// <summary>
    /// A formula cell's value, evaluated here (many tools save formulas without a cached value, which must never be
    /// read as 0): a number is rounded to 6 decimals, which takes away a float sum's noise (0.1+0.2) and keeps every
    /// real amount exact, so the amount check still refuses a third decimal. Null, with the reason, when it cannot be
    /// evaluated or gives no number or text.
    /// </summary>
    private static string? FormulaText(IXLCell cell, out string problem)
    {
        problem = "";
        object? value;
        try
        {
            value = cell.Value;
        }
        catch (Exception) // ClosedXML's evaluator throws many kinds for a formula it cannot compute
        {
            problem = $"公式 ={cell.FormulaA1} 无法计算：请改为数值，或在 Excel 中重新计算后保存";
            return null;
        }
        switch (value)
        {
            case double d when double.IsFinite(d):
                return Math.Round((decimal)d, 6).ToString(CultureInfo.InvariantCulture) is var t && t.Contains('.') ? t.TrimEnd('0').TrimEnd('.') : t;
            case string { Length: > 0 } s when !s.StartsWith('#'):
                return s;
            case bool or DateTime or TimeSpan:
                return cell.GetFormattedString();
            default:
                problem = $"公式 ={cell.FormulaA1} 没有可用的值（{(value is string { Length: > 0 } error ? error : "未计算")}）：请改为数值，或在 Excel 中重新计算后保存";
                return null;
        }
    }

    /// <summary>A cell as text: a number as its shortest round-trip decimal (never through a float sum), text as it is.</summary>
    private static string CellText(IXLCell cell) => cell.Value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        null => "",
        var other => cell.GetFormattedString(),
    };

    public static void Write(FinalAccounts accounts, string path) => Write(AccountsGrids.Of(accounts), accounts.DepartmentName, path);

    public static void Write(AccountsGrids grids, string departmentName, string path)
    {
        using var workbook = new XLWorkbook();
        var info = workbook.AddWorksheet(InfoSheet);
        WriteRows(info, 1, grids.Info, amountsFrom: int.MaxValue);
        info.Column(1).Width = 12;
        info.Column(2).Width = 40;
        info.Column(3).Width = 40;
        var unit = grids.Info.FirstOrDefault(r => r[0] == AccountsGrids.InfoKeys.Unit)?.ElementAtOrDefault(1) ?? "";
        foreach (var layout in StandardLayouts.All)
        {
            var ws = workbook.AddWorksheet(SheetName(layout));
            ws.Cell(1, 1).SetValue(layout.Name);
            ws.Cell(1, 1).Style.Font.Bold = true;
            ws.Cell(2, 1).SetValue(departmentName.Length > 0 ? $"编制单位：{departmentName}" : "编制单位：");
            ws.Cell(2, layout.Columns.Count + 2).SetValue(AccountsGrids.UnitPrefix + unit);
            WriteRows(ws, 3, grids.Tables[layout.Id], amountsFrom: 2);
            ws.Row(3).Style.Font.Bold = true;
            ws.Column(1).Width = 12;
            ws.Column(2).Width = 36;
            for (var c = 0; c < layout.Columns.Count; c++) ws.Column(c + 3).Width = 16;
        }
        AddSupportSheets(workbook, grids);
        Save(workbook, path);
    }

    /// <summary>
    /// Saves a workbook this program wrote, every sheet set up to print on A4 — the one home of that rule for every
    /// workbook (this layout, the official one, the consolidation export): a sheet that chose no paper and orientation
    /// of its own prints portrait, as wide as one page, with its page number in the foot.
    /// </summary>
    public static void Save(XLWorkbook workbook, string path)
    {
        foreach (var ws in workbook.Worksheets)
        {
            var page = ws.PageSetup;
            if (page.PaperSize == XLPaperSize.A4Paper && page.PagesWide > 0) continue;   // set up by its writer
            page.PaperSize = XLPaperSize.A4Paper;
            page.FitToPages(1, 0);
            page.Margins.SetLeft(0.5).SetRight(0.5).SetTop(0.6).SetBottom(0.6);
            if (page.Footer.Center.GetText(XLHFOccurrence.AllPages).Length == 0) page.Footer.Center.AddText("第 &P 页，共 &N 页");
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        workbook.SaveAs(path);
    }

    /// <summary>The sheets beside the tables: 出错说明, 内部往来, 情况说明 (the official layout's workbook writes them too).</summary>
    public static void AddSupportSheets(XLWorkbook workbook, AccountsGrids grids)
    {
        if (workbook.Worksheets.All(w => w.Name != InfoSheet))
        {
            var info = workbook.AddWorksheet(InfoSheet);
            WriteRows(info, 1, grids.Info, amountsFrom: int.MaxValue);
            info.Column(1).Width = 12;
            info.Column(2).Width = 40;
            info.Column(3).Width = 40;
        }
        var explanations = workbook.AddWorksheet(ExplanationSheet);
        WriteRows(explanations, 1, grids.Explanations, amountsFrom: int.MaxValue);
        explanations.Column(3).Width = 80;
        var transfers = workbook.AddWorksheet(TransferSheet);
        WriteRows(transfers, 1, grids.Transfers, amountsFrom: AccountsGrids.TransferAmountColumn, amountsTo: AccountsGrids.TransferAmountColumn);
        transfers.Column(1).Width = 20;
        transfers.Column(2).Width = 14;
        transfers.Column(3).Width = 16;
        transfers.Column(4).Width = 12;
        transfers.Column(5).Width = 14;
        var narrative = workbook.AddWorksheet(NarrativeSheet);
        narrative.Cell(1, 1).SetValue(NarrativeSheet);
        for (var i = 0; i * NarrativeCellChars < grids.Narrative.Length; i++)
            narrative.Cell(2 + i, 1).SetValue(grids.Narrative.Substring(i * NarrativeCellChars, Math.Min(NarrativeCellChars, grids.Narrative.Length - i * NarrativeCellChars)));
        narrative.Column(1).Width = 120;
        narrative.Column(1).Style.Alignment.WrapText = true;
    }

    /// <summary>
    /// Writes rows from <paramref name="firstRow"/>; cells of data rows in columns <paramref name="amountsFrom"/> to
    /// <paramref name="amountsTo"/> (0-based) are amounts; the others stay text (codes keep their leading zeros).
    /// </summary>
    private static void WriteRows(IXLWorksheet ws, int firstRow, IReadOnlyList<string[]> rows, int amountsFrom, int amountsTo = int.MaxValue)
    {
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = ws.Cell(firstRow + r, c + 1);
                var text = rows[r][c];
                // An amount is written as a number (so the sheet sums), from its exact decimal text.
                if (r > 0 && c >= amountsFrom && c <= amountsTo && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    cell.SetValue(number);
                    cell.Style.NumberFormat.Format = "0.00";
                }
                else cell.SetValue(text);
            }
    }
}
