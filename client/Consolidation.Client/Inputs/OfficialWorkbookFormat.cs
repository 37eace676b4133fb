using System.Globalization;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Consolidation.Client.Inputs.Pdf;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Validation;

namespace Consolidation.Client.Inputs;

/// <summary>
/// Reads an official 公开表 workbook (one sheet per table, found by its title whatever the sheet's name; title rows,
/// 编制单位, 金额单位, merged headers, 科目编码 as 类/款/项 columns or joined): each sheet's cells are laid out as words at
/// their columns' and rows' positions and read by the same table reader as a PDF (<see cref="PdfTableReader"/>), so a
/// header or label the PDF reader knows is known here too. The sheets a submission holds beside the tables (基本信息,
/// 出错说明, 内部往来, 情况说明, as <see cref="WorkbookFormat"/> writes them) are read when present; without 基本信息 the
/// department comes from 编制单位 and the registry, as for a PDF.
/// </summary>
public static class OfficialWorkbookFormat
{
    private const double RowPitch = 20;

    /// <summary>Whether a workbook is in the official layout: a sheet titled with a table's name, and not this program's own layout.</summary>
    public static bool IsOfficial(XLWorkbook workbook) =>
        !StandardLayouts.All.Any(l => workbook.Worksheets.Any(s => s.Name == WorkbookFormat.SheetName(l) || s.Name == l.Id))
        && workbook.Worksheets.Any(s => FindTitle(Lines(s, 1)) is not null);

    public static FinalAccounts Read(string path, XLWorkbook workbook, PdfImportOptions options)
    {
        var problems = new PdfProblems();
        var tables = new Dictionary<string, PdfTable>();
        var sheetNumber = 0;
        var unitName = "";
        var titleYear = 0;
        foreach (var ws in workbook.Worksheets)
        {
            sheetNumber++;
            var lines = Lines(ws, sheetNumber);
            if (FindTitle(lines) is not { } at) continue;
            var id = PdfVocabulary.TitleOf(lines[at].Compact)!;
            if (tables.ContainsKey(id)) { problems.Add(sheetNumber, $"{id} 出现在两个工作表"); continue; }
            var made = lines.Skip(at + 1).Take(3).FirstOrDefault(l => l.Compact.StartsWith("编制单位", StringComparison.Ordinal));
            if (made is not null && unitName.Length == 0)
            {
                var text = made.Words[0].Text;
                unitName = text[(text.IndexOfAny(['：', ':']) + 1)..].Trim();
            }
            var year = System.Text.RegularExpressions.Regex.Match(string.Concat(lines.Take(at + 1).Select(l => l.Compact)), @"(\d{4})年度?");
            if (year.Success) titleYear = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            tables[id] = PdfTableReader.Read(id, lines.Skip(at).ToList(), problems);
        }
        foreach (var layout in StandardLayouts.All)
            if (!tables.ContainsKey(layout.Id)) problems.Add(0, $"找不到 {layout.Id}（{layout.Name}）：没有以其表名为标题的工作表");

        var json = new JsonObject { ["format"] = SubmissionFile.FormatId };
        var info = Rows(workbook, WorkbookFormat.InfoSheet);
        string? Info(string key) => info?.FirstOrDefault(r => r[0] == key)?.ElementAtOrDefault(1);
        var name = Info(AccountsGrids.InfoKeys.Name) ?? unitName;
        var fiscalYear = int.TryParse(Info(AccountsGrids.InfoKeys.Year), CultureInfo.InvariantCulture, out var y) ? y : titleYear;
        if (fiscalYear == 0) problems.Add(0, "年度未载明（基本信息或表题中的「XXXX年度」）");
        var template = DisclosurePdf.RecogniseTemplate(tables, fiscalYear);
        if (template is not null) json["template"] = template.Id;
        var registry = DisclosurePdf.LoadRegistry(options.RegistryPath, problems);
        var code = options.DepartmentCode ?? Info(AccountsGrids.InfoKeys.Code) ?? registry.FirstOrDefault(r => PdfVocabulary.Key(r.Name) == PdfVocabulary.Key(name))?.Code;
        if (code is null) problems.Add(0, $"单位「{name}」的预算单位编码未载明：用 --department 给出，或登记在 registry.csv");
        json["department"] = new JsonObject { ["code"] = code ?? "", ["name"] = name };
        json["fiscalYear"] = fiscalYear;
        var units = tables.Values.Select(t => t.Unit).Where(u => u != "").Distinct().ToList();
        if (units.Count > 1) problems.Add(0, $"各表金额单位不一：{string.Join("、", tables.Values.Select(t => $"{t.Id} {t.Unit}"))}");
        json["unit"] = Info(AccountsGrids.InfoKeys.Unit) ?? units.FirstOrDefault() ?? "万元";
        json["composition"] = Composition(info, code, name, registry);
        json["staffing"] = new JsonObject
        {
            ["authorized"] = Count(Info(AccountsGrids.InfoKeys.Authorized)),
            ["actual"] = Count(Info(AccountsGrids.InfoKeys.Actual)),
            ["retired"] = Count(Info(AccountsGrids.InfoKeys.Retired)),
        };
        var sources = new List<string>();
        var tablesJson = new JsonObject();
        foreach (var layout in StandardLayouts.All)
            if (tables.TryGetValue(layout.Id, out var table)) tablesJson[layout.Id] = DisclosurePdf.TableJson(layout, table, template, problems, sources);
        json["tables"] = tablesJson;
        if (info is not null && Supplementary(info) is { } supplementary) json["supplementary"] = supplementary;
        if (Rows(workbook, WorkbookFormat.ExplanationSheet) is { } explanations)
            json["explanations"] = new JsonArray(explanations.Skip(1).Where(r => r.Any(c => c.Length > 0))
                .Select(r => (JsonNode)new JsonObject { ["ruleId"] = r.ElementAtOrDefault(0), ["location"] = r.ElementAtOrDefault(1), ["text"] = r.ElementAtOrDefault(2) }).ToArray());
        if (Rows(workbook, WorkbookFormat.TransferSheet) is { } transfers)
            json["internalTransfers"] = new JsonArray(transfers.Skip(1).Where(r => r.Any(c => c.Length > 0)).Select(r =>
            {
                var o = new JsonObject { ["kind"] = r.ElementAtOrDefault(0), ["counterparty"] = r.ElementAtOrDefault(1), ["amount"] = r.ElementAtOrDefault(2), ["functionCode"] = r.ElementAtOrDefault(3) };
                if (r.ElementAtOrDefault(4) is { Length: > 0 } unit) o["unit"] = unit;
                return (JsonNode)o;
            }).ToArray());
        if (Rows(workbook, WorkbookFormat.NarrativeSheet, trim: false) is { } narrative) json["narrative"] = string.Concat(narrative.Skip(1).Select(r => r.ElementAtOrDefault(0)));
        if (problems.Any)
            throw new SubmissionFileException(path, problems.All.Select(v => v.Field.StartsWith("第 ", StringComparison.Ordinal)
                ? new Violation($"工作表 {v.Field.Replace("第 ", "").Replace(" 页", "")}", v.Message) : v).ToList());
        return SubmissionFile.Parse(json.ToJsonString(), path);
    }

    private static int Count(string? text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static JsonObject Composition(List<string[]>? info, string? code, string name, List<RegistryUnit> registry)
    {
        var self = info?.FirstOrDefault(r => r[0] == AccountsGrids.InfoKeys.Self);
        var entry = registry.FirstOrDefault(r => r.Code == code);
        var subordinates = new JsonArray();
        foreach (var r in info?.Where(r => r[0] == AccountsGrids.InfoKeys.Subordinate) ?? [])
            subordinates.Add(new JsonObject { ["code"] = r.ElementAtOrDefault(1), ["name"] = r.ElementAtOrDefault(2), ["type"] = r.ElementAtOrDefault(3) });
        return new JsonObject
        {
            ["self"] = new JsonObject
            {
                ["code"] = self?.ElementAtOrDefault(1) ?? code ?? "",
                ["name"] = self?.ElementAtOrDefault(2) ?? name,
                ["type"] = self?.ElementAtOrDefault(3) ?? entry?.Type ?? "",
            },
            ["subordinates"] = subordinates,
        };
    }

    private static JsonObject? Supplementary(List<string[]> info)
    {
        var vehicles = info.FirstOrDefault(r => r[0] == AccountsGrids.InfoKeys.VehiclesHeld);
        if (vehicles is null) return null;
        var o = new JsonObject { ["vehiclesHeld"] = Count(vehicles.ElementAtOrDefault(1)) };
        foreach (var (key, name, _) in SupplementaryFigures.Amounts)
            o[key] = info.FirstOrDefault(r => r[0] == name)?.ElementAtOrDefault(1) ?? "";
        return o;
    }

    private static List<string[]>? Rows(XLWorkbook workbook, string sheet, bool trim = true)
    {
        if (!workbook.Worksheets.TryGetWorksheet(sheet, out var ws)) return null;
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        return Enumerable.Range(1, lastRow).Select(r => Enumerable.Range(1, lastColumn).Select(c => trim ? Text(ws.Cell(r, c)).Trim() : Text(ws.Cell(r, c))).ToArray()).ToList();
    }

    private static int? FindTitle(IReadOnlyList<PdfLine> lines)
    {
        for (var i = 0; i < Math.Min(lines.Count, 5); i++)
            if (PdfVocabulary.TitleOf(lines[i].Compact) is not null) return i;
        return null;
    }

    /// <summary>
    /// A sheet as lines of words: each cell (a merged range once) a word over its columns' span (widths in points) at
    /// its rows' height; a code split over 类 | 款 | 项 cells (208 | 05 | 01) one word 2080501.
    /// </summary>
    public static IReadOnlyList<PdfLine> Lines(IXLWorksheet ws, int page)
    {
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 0;
        var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        var x = new double[lastColumn + 2];
        for (var c = 1; c <= lastColumn + 1; c++) x[c] = x[c - 1] + (c == 1 ? 0 : Math.Max(2, ws.Column(c - 1).Width) * 6);
        double Y(int row) => 10_000 - row * RowPitch;
        var merged = ws.MergedRanges.Select(r => r.RangeAddress).ToList();
        var words = new List<PdfWord>();
        for (var r = 1; r <= lastRow; r++)
        {
            var rowWords = new List<(int Column, int LastColumn, int LastRow, string Text)>();
            for (var c = 1; c <= lastColumn; c++)
            {
                var cell = ws.Cell(r, c);
                var range = merged.FirstOrDefault(m => m.FirstAddress.RowNumber <= r && m.LastAddress.RowNumber >= r
                                                       && m.FirstAddress.ColumnNumber <= c && m.LastAddress.ColumnNumber >= c);
                if (range is not null && (range.FirstAddress.RowNumber != r || range.FirstAddress.ColumnNumber != c)) continue;
                var text = Text(cell).Trim();
                if (text.Length == 0) continue;
                rowWords.Add((c, range?.LastAddress.ColumnNumber ?? c, range?.LastAddress.RowNumber ?? r, text));
            }
            for (var i = 0; i < rowWords.Count; i++)
            {
                var (c, lastC, lastR, text) = rowWords[i];
                // 类 | 款 | 项 in adjacent cells: one code.
                if (text.Length == 3 && text.All(char.IsAsciiDigit))
                    for (var next = c + 1; next <= c + 2; next++)
                    {
                        var part = rowWords.FindIndex(w => w.Column == next);
                        if (part < 0 && next == c + 1) continue;   // 款 blank: 项 cannot follow
                        if (part < 0 || rowWords[part].Text.Length != 2 || !rowWords[part].Text.All(char.IsAsciiDigit) || text.Length != 3 + 2 * (next - c - 1)) break;
                        text += rowWords[part].Text;
                        rowWords.RemoveAt(part);
                    }
                words.Add(new PdfWord(page, text, x[c] + 2, x[lastC + 1] - 2, Y(lastR), Y(r) + 10));
            }
        }
        var lines = PdfText.Lines(page, words);
        if (Environment.GetEnvironmentVariable("FA_PDF_DEBUG") == "1")
            foreach (var l in lines) Console.Error.WriteLine($"{ws.Name} {l.Baseline}: {string.Join(" | ", l.Words.Select(w => $"{w.Text}@{w.Left:F0}-{w.Right:F0}"))}");
        return lines;
    }

    /// <summary>A cell's text: an amount as its exact decimal with at least two decimals (9746.5 → 9746.50), text as it is.</summary>
    private static string Text(IXLCell cell)
    {
        var value = cell.Value;
        return value switch
        {
            double d when double.IsFinite(d) => Math.Round((decimal)d, 6).ToString("0.00####", CultureInfo.InvariantCulture),
            string s => s,
            null => "",
            _ => cell.GetFormattedString(),
        };
    }
}
