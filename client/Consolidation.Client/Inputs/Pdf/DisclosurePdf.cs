using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Consolidation.Domain.Files;
using Consolidation.Domain.Layouts;
using Consolidation.Domain.Model;
using Consolidation.Domain.Templates;

namespace Consolidation.Client.Inputs.Pdf;

/// <summary>A unit of the registry (code, name, parent, type): where a PDF's units get their codes and types.</summary>
public sealed record RegistryUnit(string Code, string Name, string Parent, string Type);

/// <summary>Where the codes of a PDF's units come from: a registry CSV (code,name,parent,type) and/or the department's code.</summary>
public sealed record PdfImportOptions(string? RegistryPath = null, string? DepartmentCode = null);

/// <summary>A disclosure PDF read: the accounts, the submission file text it gives, and where each value was printed.</summary>
public sealed record DisclosureRead(FinalAccounts Accounts, string SubmissionJson, IReadOnlyList<PdfTable> Tables, IReadOnlyList<string> Sources)
{
    /// <summary>Where each finding's figure and quoted sentence are printed (pages are numbered from 1).</summary>
    public PdfOrigins Origins { get; init; } = new(Tables, []);
}

/// <summary>
/// Reads a published 部门决算 PDF (its text layer; docs/documents.md): the cover's department and year, 第一部分's
/// 决算单位构成 and staffing, the nine tables found by their titles, 第三部分's narrative. What cannot be read is a
/// <see cref="SubmissionFileException"/> naming each problem's page; nothing is guessed.
/// </summary>
public static partial class DisclosurePdf
{
    public static FinalAccounts Read(string path, PdfImportOptions? options = null) => ReadDetailed(path, options).Accounts;

    public static DisclosureRead ReadDetailed(string path, PdfImportOptions? options = null)
    {
        options ??= new PdfImportOptions(DefaultRegistry(path));
        IReadOnlyList<IReadOnlyList<PdfLine>> pages;
        try { pages = PdfText.ReadPages(path); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SubmissionFileException(path, [new("文件", $"不是可读的 PDF：{e.Message}")]);
        }
        var problems = new PdfProblems();
        // Page numbers at a page's foot are no text of the document.
        var all = pages.SelectMany(p => p).Where(l => !IsPageFurniture(l, pages)).ToList();
        if (all.Count == 0) problems.Add(0, "PDF 没有文字层（扫描件）：本程序不做文字识别");

        // Tables: a title line with a 单位 line right after it (the contents page lists the titles without one).
        var titles = new List<(int Index, string Table)>();
        for (var i = 0; i < all.Count; i++)
        {
            var table = PdfVocabulary.TitleOf(all[i].Compact);
            if (table is null) continue;
            var unitFollows = Enumerable.Range(i, 3).Where(j => j < all.Count && all[j].Page == all[i].Page).Any(j => all[j].Compact.Contains("单位"));
            if (unitFollows) titles.Add((i, table));
        }
        var narrativeStart = -1;
        var lastTitle = titles.Count > 0 ? titles[^1].Index : 0;
        for (var i = lastTitle; i < all.Count; i++)
            if (all[i].Compact.StartsWith("第三部分", StringComparison.Ordinal)) { narrativeStart = i; break; }

        var tables = new Dictionary<string, PdfTable>();
        for (var t = 0; t < titles.Count; t++)
        {
            var from = titles[t].Index;
            var to = t + 1 < titles.Count ? titles[t + 1].Index : narrativeStart >= 0 ? narrativeStart : all.Count;
            // A line before the next title on its page (a 部门决算表 line above it) belongs to neither table.
            var lines = all.Skip(from).Take(to - from).Where(l => !IsPageFurniture(l, pages)).ToList();
            var id = titles[t].Table;
            if (tables.ContainsKey(id)) { problems.Add(all[from].Page, $"{id}（{StandardLayouts.Get(id).Name}）印了两次"); continue; }
            tables[id] = PdfTableReader.Read(id, lines, problems);
        }
        foreach (var layout in StandardLayouts.All)
            if (!tables.ContainsKey(layout.Id)) problems.Add(0, $"找不到 {layout.Id}（{layout.Name}）：没有以其表名为标题、其后印有金额单位的页");

        var json = new JsonObject { ["format"] = SubmissionFile.FormatId };
        var sources = new List<string>();
        var (name, year) = Cover(pages, problems);
        var units = Composition(all, titles.Count > 0 ? titles[0].Index : all.Count, problems);
        var registry = LoadRegistry(options.RegistryPath, problems);
        var template = RecogniseTemplate(tables, year);
        if (template is not null) json["template"] = template.Id;
        var selfCode = options.DepartmentCode ?? registry.FirstOrDefault(r => Same(r.Name, name))?.Code;
        if (selfCode is null) problems.Add(1, $"单位「{name}」不在名录中：用 --department 给出其预算单位编码，或把它登记在 registry.csv");
        json["department"] = new JsonObject { ["code"] = selfCode ?? "", ["name"] = name };
        json["fiscalYear"] = year;
        var unit = tables.Values.Select(t => t.Unit).Where(u => u != "").Distinct().ToList();
        if (unit.Count > 1) problems.Add(0, $"各表金额单位不一：{string.Join("、", tables.Values.Select(t => $"{t.Id} {t.Unit}"))}");
        json["unit"] = unit.FirstOrDefault() ?? "万元";
        json["composition"] = CompositionJson(name, selfCode, units, registry, problems);
        json["staffing"] = Staffing(all, titles.Count > 0 ? titles[0].Index : all.Count, sources);
        var tablesJson = new JsonObject();
        foreach (var layout in StandardLayouts.All)
            if (tables.TryGetValue(layout.Id, out var table)) tablesJson[layout.Id] = TableJson(layout, table, template, problems, sources);
        json["tables"] = tablesJson;
        if (narrativeStart >= 0) json["narrative"] = Narrative(all, narrativeStart);
        else problems.Add(0, "找不到第三部分（情况说明）");

        if (problems.Any) throw new SubmissionFileException(path, problems.All);
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
        var accounts = SubmissionFile.Parse(text, path);
        // A page's text as the narrative reads it: its lines without the whitespace, page furniture left out.
        var pageTexts = pages.Select(p => string.Concat(p.Where(l => !IsPageFurniture(l, pages)).Select(l => l.Compact))).ToList();
        return new DisclosureRead(accounts, text, tables.Values.ToList(), sources) { Origins = new PdfOrigins(tables.Values.ToList(), pageTexts) };
    }

    /// <summary>A page number alone at a page's foot.</summary>
    private static bool IsPageFurniture(PdfLine line, IReadOnlyList<IReadOnlyList<PdfLine>> pages) =>
        pages[line.Page - 1].Count > 0 && pages[line.Page - 1][^1] == line && PageNumber().IsMatch(line.Compact);

    [GeneratedRegex(@"^[-–—第]*\d{1,3}[-–—页]*$")]
    private static partial Regex PageNumber();

    private static (string Name, int Year) Cover(IReadOnlyList<IReadOnlyList<PdfLine>> pages, PdfProblems problems)
    {
        var cover = string.Concat(pages.Take(1).SelectMany(p => p).Select(l => l.Compact));
        var m = CoverPattern().Match(cover);
        if (!m.Success)
        {
            problems.Add(1, "封面上找不到「单位名称 + 年度 + 部门决算」");
            return ("", 0);
        }
        return (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(.+?)(\d{4})年度?(部门|单位)决算")]
    private static partial Regex CoverPattern();

    /// <summary>第一部分's table of units: each name followed by （本级） or （下属…单位）.</summary>
    private static List<(string Name, string Kind, int Page)> Composition(List<PdfLine> all, int end, PdfProblems problems)
    {
        // The table of units: its 单位名称 header, the last one before the tables (a contents page has none).
        var result = new List<(string, string, int)>();
        var header = end > 0 ? all.FindLastIndex(Math.Min(end, all.Count) - 1, l => l.Compact.Contains("单位名称")) : -1;
        var at = header;
        if (header < 0)
        {
            problems.Add(0, "第一部分找不到「部门决算单位构成」的单位名称表");
            return result;
        }
        var from = header + 1;
        var words = all.Skip(from).Take(end - from).SelectMany(l => l.Words.Select(w => (w, l.Page)))
            .Where(p => !p.w.Text.All(char.IsAsciiDigit)).ToList();
        var text = string.Concat(words.Select(p => p.w.Text));
        foreach (Match m in UnitPattern().Matches(text))
        {
            var page = words.FirstOrDefault(p => p.w.Text.Contains(m.Groups[2].Value)).Page;
            result.Add((m.Groups[1].Value, m.Groups[2].Value, page));
        }
        if (result.Count == 0) problems.Add(all[at].Page, "决算单位构成：读不出单位（单位名称后应有（本级）或（下属…单位））");
        return result;
    }

    [GeneratedRegex(@"(?:^|[。；;：:])?([^（()）。；;：:]+?)[（(](本级|下属[^）)]*)[）)]")]
    private static partial Regex UnitPattern();

    private static JsonObject CompositionJson(string name, string? selfCode, List<(string Name, string Kind, int Page)> units, List<RegistryUnit> registry, PdfProblems problems)
    {
        var self = units.FirstOrDefault(u => u.Kind == "本级");
        var selfName = self.Name ?? name;
        var selfEntry = registry.FirstOrDefault(r => r.Code == selfCode) ?? registry.FirstOrDefault(r => Same(r.Name, selfName));
        if (selfEntry is null && selfCode is not null) problems.Add(self.Page, $"本级单位「{selfName}」的单位类型（行政/事业）未印：在名录中登记");
        var subordinates = new JsonArray();
        foreach (var u in units.Where(u => u.Kind != "本级"))
        {
            var entry = registry.FirstOrDefault(r => Same(r.Name, u.Name));
            if (entry is null) { problems.Add(u.Page, $"下属单位「{u.Name}」不在名录中：把它登记在 registry.csv（编码、名称、上级、类型）"); continue; }
            var type = u.Kind.Contains("行政") && !u.Kind.Contains("事业") ? "行政" : u.Kind.Contains("事业") ? "事业" : entry.Type;
            subordinates.Add(new JsonObject { ["code"] = entry.Code, ["name"] = u.Name, ["type"] = type });
        }
        return new JsonObject
        {
            ["self"] = new JsonObject { ["code"] = selfCode ?? "", ["name"] = name, ["type"] = selfEntry?.Type ?? "" },
            ["subordinates"] = subordinates,
        };
    }

    private static bool Same(string a, string b) => PdfVocabulary.Key(a) == PdfVocabulary.Key(b);

    /// <summary>编制 / 实有 / 退休 as 第一部分 states them; 0 where it states none.</summary>
    private static JsonObject Staffing(List<PdfLine> all, int end, List<string> sources)
    {
        var text = string.Concat(all.Take(end).Select(l => l.Compact));
        int Find(Regex r, string what)
        {
            var m = r.Match(text);
            if (!m.Success) { sources.Add($"staffing.{what}: 未载明，填 0"); return 0; }
            return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return new JsonObject
        {
            ["authorized"] = Find(AuthorizedPattern(), "authorized"),
            ["actual"] = Find(ActualPattern(), "actual"),
            ["retired"] = Find(RetiredPattern(), "retired"),
        };
    }

    [GeneratedRegex(@"编制(?:人数|数)?(?:为|共)?(\d+)人")] private static partial Regex AuthorizedPattern();
    [GeneratedRegex(@"实有(?:人数|在职人员)?(?:为|共)?(\d+)人")] private static partial Regex ActualPattern();
    [GeneratedRegex(@"退休(?:人员|人数)?(?:为|共)?(\d+)人")] private static partial Regex RetiredPattern();

    /// <summary>The template whose left-out cells are exactly the cells the PDF does not print (T5 年初预算数, T6 合计 …).</summary>
    internal static Template? RecogniseTemplate(IReadOnlyDictionary<string, PdfTable> tables, int year)
    {
        bool Printed(string table, string row, string column)
        {
            if (!tables.TryGetValue(table, out var t)) return true;
            var layout = StandardLayouts.Get(table);
            var columnPrinted = layout.IsSingleColumn || t.Columns.Contains(column) || column == "*";
            var rowPrinted = row == "*" || t.FixedRows.Contains(row);
            return columnPrinted && rowPrinted;
        }
        var candidates = TemplateCatalogue.Default.All
            .Where(tp => year >= tp.FirstYear && year <= tp.LastYear)
            .Where(tp => tp.Omitted.All(o => { var p = o.Split('.'); return !Printed(p[0], p[1], p[2]); }))
            .OrderByDescending(tp => tp.Omitted.Count()).ToList();
        // Recognised only when what is left out tells one template from the others (a layout that prints every cell fits
        // several: then the server's default stands).
        if (candidates.Count == 0 || candidates[0].Omitted.Any() is false) return null;
        if (candidates.Count > 1 && candidates[1].Omitted.Count() == candidates[0].Omitted.Count()) return null;
        return candidates[0];
    }

    internal static JsonObject TableJson(TableLayout layout, PdfTable table, Template? template, PdfProblems problems, List<string> sources)
    {
        var o = new JsonObject();
        if (table.Note.Length > 0) o["note"] = table.Note;
        bool Prints(string row, string column) => template?.Prints(layout.Id, row, column) ?? true;
        JsonNode? Cell(string row, string column)
        {
            if (table.Cells.TryGetValue((row, column), out var cell))
            {
                sources.Add($"tables.{layout.Id}.{row}.{column}: 第 {cell.Page} 页「{cell.Printed}」");
                return PdfVocabulary.IsDash(cell.Printed) ? JsonValue.Create("0") : JsonValue.Create(cell.Printed.Replace(",", ""));
            }
            return JsonValue.Create("0");   // printed blank
        }
        foreach (var column in layout.Columns)
            if (!layout.IsSingleColumn && !table.Columns.Contains(column.Key) && template?.PrintsColumn(layout.Id, column.Key) != false && !IsFundSide(layout, column.Key, table))
                problems.Add(table.Page, $"{layout.Id}：找不到「{column.Name}」列");
        JsonNode Fixed(string key)
        {
            if (layout.IsSingleColumn) return Cell(key, layout.Columns[0].Key)!;
            var cells = new JsonObject();
            foreach (var column in layout.Columns)
                if (Prints(key, column.Key)) cells[column.Key] = Cell(key, column.Key);
            return cells;
        }
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.BeforeCodedRows))
            if (template?.PrintsRow(layout.Id, row.Key) != false) o[row.Key] = Fixed(row.Key);
        if (layout.HasCodedRows)
        {
            var rows = new JsonArray();
            foreach (var (code, name, _) in table.CodedRows)
            {
                var r = new JsonObject { ["code"] = code, ["name"] = name };
                foreach (var column in layout.Columns)
                    if (Prints(code, column.Key)) r[column.Key] = Cell(code, column.Key);
                rows.Add(r);
            }
            o["rows"] = rows;
        }
        foreach (var row in layout.FixedRows.Where(r => r.Position == RowPosition.AfterCodedRows))
            if (template?.PrintsRow(layout.Id, row.Key) != false) o[row.Key] = Fixed(row.Key);
        if (layout.Id == "T4") DeriveT4IncomeFunds(o, table, sources);
        return o;
    }

    /// <summary>T4's income side prints 决算数 only; its fund columns are the 一、二、三 lines under it (printed in another column).</summary>
    private static bool IsFundSide(TableLayout layout, string column, PdfTable table) => false;

    /// <summary>
    /// T4's income side prints one 决算数 column: 收入总计 by fund is not printed, but is 本年收入 + 年初结转和结余 of the fund,
    /// each printed on its 一、二、三 line. Written so, and said so in the sources (docs/documents.md).
    /// </summary>
    private static void DeriveT4IncomeFunds(JsonObject t4, PdfTable table, List<string> sources)
    {
        if (t4["incomeGrandTotal"] is not JsonObject grand || t4["incomeCurrent"] is not JsonObject current || t4["incomeOpening"] is not JsonObject opening) return;
        foreach (var fund in new[] { "generalBudget", "governmentFund", "stateCapital" })
        {
            if (table.Cells.ContainsKey(("incomeGrandTotal", fund))) continue;
            var a = decimal.Parse(current[fund]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            var b = decimal.Parse(opening[fund]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            grand[fund] = (a + b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            sources.Add($"tables.T4.incomeGrandTotal.{fund}: 未印，为本年收入与年初结转和结余之和");
        }
    }

    /// <summary>第三部分 from its heading to 第四部分: one line per heading or paragraph (a paragraph's printed lines joined).</summary>
    private static string Narrative(List<PdfLine> all, int start)
    {
        var end = all.FindIndex(start + 1, l => l.Compact.StartsWith("第四部分", StringComparison.Ordinal));
        if (end < 0) end = all.Count;
        var lines = all.Skip(start + 1).Take(end - start - 1).Where(l => l.Compact is not ("情况说明" or "决算情况说明")).ToList();
        if (lines.Count == 0) return "";
        var margin = lines.GroupBy(l => Math.Round(l.Words[0].Left)).OrderByDescending(g => g.Count()).First().Key;
        var paragraphs = new List<string>();
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            var indented = line.Words[0].Left > margin + 8;
            if (paragraphs.Count == 0 || indented || Heading().IsMatch(line.Compact)) paragraphs.Add(text);
            else paragraphs[^1] += text;
        }
        return string.Join("\n", paragraphs);
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")]
    private static partial Regex Heading();

    private static string? DefaultRegistry(string pdf)
    {
        var beside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(pdf)) ?? ".", "registry.csv");
        return File.Exists(beside) ? beside : null;
    }

    internal static List<RegistryUnit> LoadRegistry(string? path, PdfProblems problems)
    {
        var result = new List<RegistryUnit>();
        if (path is null) return result;
        if (!File.Exists(path)) { problems.Add(0, $"找不到名录 {path}"); return result; }
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cols = line.TrimStart('\uFEFF').Split(',');
            if (cols.Length >= 4) result.Add(new RegistryUnit(cols[0].Trim(), cols[1].Trim(), cols[2].Trim(), cols[3].Trim()));
        }
        return result;
    }
}
