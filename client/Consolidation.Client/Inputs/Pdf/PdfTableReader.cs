using Consolidation.Domain.Classification;

namespace Consolidation.Client.Inputs.Pdf;

/// <summary>
/// Reads one table from its lines (title to the line before the next title, over as many pages as it continues): the
/// amount columns from the header words (wrapped headers and merged parent headers read as one path, the most specific
/// name wins), the sides of a two-sided table (T1, T4, T6) from the label headers between amount columns, every printed
/// amount placed by the row its line anchors (a code, or a fixed row's label) and the column its box lies under.
/// </summary>
public sealed class PdfTableReader
{
    private sealed record Column(string Key, double Left, double Right, int Side, string? Row, string Header, double WordLeft, double WordRight);

    private sealed class Side
    {
        public double Left = double.NegativeInfinity, Right = double.PositiveInfinity, LabelRight = double.PositiveInfinity;
    }

    private readonly string _id;
    private readonly PdfTable _table;
    private readonly PdfProblems _problems;
    /// <summary>The function 类 by printed name (T1 and T4 print 类 names without codes).</summary>
    private static readonly Lazy<Dictionary<string, string>> ClassNames = new(() => ClassificationCatalogue.Default.FunctionCodes
        .Where(e => e.Code.Length == 3).GroupBy(e => PdfVocabulary.Key(e.Name)).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal));

    private PdfTableReader(string id, int page, PdfProblems problems)
    {
        _id = id;
        _table = new PdfTable(id, page);
        _problems = problems;
    }

    public static PdfTable Read(string id, IReadOnlyList<PdfLine> lines, PdfProblems problems)
    {
        var reader = new PdfTableReader(id, lines[0].Page, problems);
        reader.ReadLines(lines);
        return reader._table;
    }

    private void ReadLines(IReadOnlyList<PdfLine> lines)
    {
        foreach (var l in lines) _table.Pages.Add(l.Page);
        // The 说明 and 注 under the table end its body.
        var end = lines.Count;
        for (var i = 1; i < lines.Count; i++)
        {
            var c = lines[i].Compact;
            if (c.StartsWith("注：") || c.StartsWith("注:") || c.StartsWith("说明：") || c.StartsWith("说明:") || PdfVocabulary.IsTableNumber(c)) { end = i; break; }
        }
        ReadNote(lines.Skip(end).ToList());

        // Header: after the 单位 line (or the title) down to the first line that prints an amount or a code.
        var start = 1;
        for (var i = 0; i < Math.Min(end, 4); i++)
        {
            var c = lines[i].Compact;
            var at = c.IndexOf("金额单位：", StringComparison.Ordinal) is var m and >= 0 ? m + 2 : c.IndexOf("金额单位:", StringComparison.Ordinal) is var n and >= 0 ? n + 2 : -1;
            if (at < 0) at = c.IndexOf("单位：", StringComparison.Ordinal);
            if (at < 0) at = c.IndexOf("单位:", StringComparison.Ordinal);
            if (at >= 0)
            {
                _table.Unit = c[(at + 3)..].Contains("万元") ? "万元" : c[(at + 3)..].Contains('元') ? "元" : "";
                start = i + 1;
                break;
            }
        }
        if (_table.Unit == "") _problems.Add(_table.Page, $"{_id}：未印金额单位（单位：万元 或 元）");
        var firstData = start;
        while (firstData < end && !lines[firstData].Words.Any(w => PdfVocabulary.IsAmount(w.Text) && !PdfVocabulary.IsDash(w.Text) || PdfVocabulary.IsCode(w.Text)))
            firstData++;
        var header = lines.Skip(start).Take(firstData - start).Where(l => l.Page == _table.Page).SelectMany(l => l.Words).ToList();
        var labelTokens = header.Where(w => PdfVocabulary.IsLabelHeader(w.Text)).ToList();
        // Label-area words of the header band (a name wrapped above its code: under 项目/科目名称) are names, not headers.
        var labelColumns = labelTokens.Where(t => PdfVocabulary.Key(t.Text) is not ("收入" or "支出")).ToList();
        var headerWords = header.Where(w => !PdfVocabulary.IsLabelHeader(w.Text) && !labelColumns.Any(t => w.OverlapsX(t.Left, t.Right))).ToList();
        var strayNames = header.Where(w => !PdfVocabulary.IsLabelHeader(w.Text) && labelColumns.Any(t => w.OverlapsX(t.Left, t.Right))).ToList();

        var columns = Columns(headerWords);
        var sides = Sides(columns, labelColumns);   // 收入 / 支出 head a side, centred over it: they do not start one
        if (Environment.GetEnvironmentVariable("FA_PDF_DEBUG") == "1")
            foreach (var c in columns) Console.Error.WriteLine($"{_id} column {c.Key} side {c.Side} [{c.Left:F1},{c.Right:F1}] word [{c.WordLeft:F1},{c.WordRight:F1}] row {c.Row} «{c.Header}»");
        foreach (var col in columns) _table.Columns.Add(col.Key);

        var body = lines.Skip(firstData).Take(end - firstData).ToList();
        RefineSides(sides, columns, body);
        var headerTexts = headerWords.Select(w => w.Text).Concat(labelTokens.Select(w => w.Text)).ToHashSet();
        // A page the table continues on may repeat the header: its lines above the first data line are dropped.
        body = DropRepeatedHeaders(body, headerTexts);
        if (strayNames.Count > 0) body = PdfText.Lines(_table.Page, strayNames).Concat(body).ToList();
        ReadBody(body, columns, sides);
    }

    private void ReadNote(List<PdfLine> tail)
    {
        var at = tail.FindIndex(l => l.Compact.StartsWith("说明：") || l.Compact.StartsWith("说明:"));
        if (at < 0) return;
        // To the next table's 表号, if it prints one above its title.
        _table.Note = string.Concat(tail.Skip(at).TakeWhile(l => !PdfVocabulary.IsTableNumber(l.Compact)).Select(l => l.Text.Trim()));
    }

    private static List<PdfLine> DropRepeatedHeaders(List<PdfLine> body, HashSet<string> headerTexts)
    {
        var result = new List<PdfLine>();
        var page = body.Count > 0 ? body[0].Page : 0;
        var seenData = true;
        foreach (var line in body)
        {
            if (line.Page != page) { page = line.Page; seenData = false; }
            var isData = line.Words.Any(w => PdfVocabulary.IsAmount(w.Text) || PdfVocabulary.IsCode(w.Text));
            if (!seenData && !isData && line.Words.All(w => headerTexts.Contains(w.Text))) continue;
            if (isData) seenData = true;
            result.Add(line);
        }
        return result;
    }

    /// <summary>The amount columns: one per leaf header word (no header word under it), named by the words above it.</summary>
    private List<Column> Columns(List<PdfWord> header)
    {
        // A leaf has no header word under it (a group header centred over two narrower ones counts as over them).
        var leaves = header.Where(h => !header.Any(o => o != h && Below(o, h) && o.OverlapsX(h.Left - 4, h.Right + 4)) && !CentredOverTwo(h, header))
            .OrderBy(h => h.Left).ToList();
        var result = new List<Column>();
        var names = PdfVocabulary.Columns[_id];
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var left = i == 0 ? leaf.Left - 30 : (leaves[i - 1].Right + leaf.Left) / 2;
            var right = i == leaves.Count - 1 ? leaf.Right + 30 : (leaf.Right + leaves[i + 1].Left) / 2;
            var path = Path(header, leaf, left, right);
            string? key, row = null;
            if (_id == "T7")
            {
                key = PdfVocabulary.LastMatch(PdfVocabulary.Key(leaf.Text), names);
                row = PdfVocabulary.LastMatch(path, PdfVocabulary.ThreePublicItems);
                if (row is null && key is not null) row = "";   // T7 printed downwards: the row comes from the line's label
            }
            else
            {
                key = PdfVocabulary.LastMatch(path, names);
                if (key is null || PdfVocabulary.Key(leaf.Text) is "合计" or "小计")
                {
                    // A sub-header (合计 | 基本支出 | 项目支出) under a parent printed over the run of leaves on its line.
                    var run = leaves.Where(o => Math.Abs(o.Bottom - leaf.Bottom) < 1).ToList();
                    var runLeft = run.Min(o => o.Left);
                    var runRight = run.Max(o => o.Right);
                    var parents = header.Where(o => o.Bottom > leaf.Bottom + PdfText.SameLine && o.OverlapsX(runLeft, runRight))
                        .OrderByDescending(o => o.Bottom).ThenBy(o => o.Left).Select(o => o.Text);
                    var withParent = PdfVocabulary.LastMatch(PdfVocabulary.Key(string.Concat(parents) + path), names);
                    if (withParent is not null && run.Count > 1 && run.Count < leaves.Count) key = withParent;
                }
            }
            if (key is null)
            {
                _problems.Add(leaf.Page, $"{_id}：表头「{path}」不是本表的列");
                continue;
            }
            result.Add(new Column(key, left, right, 0, row, path, leaf.Left, leaf.Right));
        }
        return result;
    }

    /// <summary>Whether <paramref name="o"/> prints on a lower line than <paramref name="h"/> (by baselines: some fonts give flat boxes).</summary>
    private static bool Below(PdfWord o, PdfWord h) => o.Bottom < h.Bottom - PdfText.SameLine && o.Top < h.Bottom + 0.5;

    /// <summary>A header centred over two neighbouring words of a lower line (合计 over 预算数 | 决算数): not a leaf.</summary>
    private static bool CentredOverTwo(PdfWord h, List<PdfWord> header)
    {
        foreach (var line in header.Where(o => o != h && Below(o, h)).GroupBy(o => Math.Round(o.Bottom)))
        {
            var words = line.OrderBy(o => o.Left).ToList();
            for (var i = 0; i + 1 < words.Count; i++)
            {
                var gap = (words[i].Right + words[i + 1].Left) / 2;
                if (words[i].Middle < h.Middle && words[i + 1].Middle > h.Middle && gap >= h.Left - 4 && gap <= h.Right + 4) return true;
            }
        }
        return false;
    }

    private static string Path(List<PdfWord> header, PdfWord leaf, double left, double right) =>
        PdfVocabulary.Key(string.Concat(header.Where(o => o == leaf || o.Bottom > leaf.Bottom + PdfText.SameLine && o.OverlapsX(left, right))
            .OrderByDescending(o => o.Bottom).ThenBy(o => o.Left).Select(o => o.Text)));

    /// <summary>Sides: a label header printed right of an amount column starts another side (T1, T4, T6 print two).</summary>
    private static List<Side> Sides(List<Column> columns, List<PdfWord> labelTokens)
    {
        var sides = new List<Side> { new() };
        var ordered = columns.OrderBy(c => c.Left).ToList();
        foreach (var token in labelTokens.OrderBy(t => t.Left))
        {
            var before = ordered.Where(c => c.WordRight <= token.Left).ToList();
            if (before.Count == 0) continue;
            var split = before.Max(c => c.WordRight);
            if (sides.Count == 1 || Math.Abs(sides[^1].Left - split) > 1 && split > sides[^1].Left)
            {
                if (sides.Any(s => Math.Abs(s.Left - split) < 1)) continue;
                sides[^1].Right = split;
                sides.Add(new Side { Left = split });
            }
        }
        for (var i = 0; i < columns.Count; i++)
        {
            var mid = (columns[i].WordLeft + columns[i].WordRight) / 2;
            var side = sides.FindIndex(s => mid >= s.Left && mid < s.Right);
            columns[i] = columns[i] with { Side = side, Left = Math.Max(columns[i].Left, sides[side].Left), Right = Math.Min(columns[i].Right, sides[side].Right) };
        }
        foreach (var (side, i) in sides.Select((s, i) => (s, i)))
        {
            var first = columns.Where(c => c.Side == i).Select(c => c.WordLeft).DefaultIfEmpty(side.Right).Min();
            side.LabelRight = first;
        }
        return sides;
    }

    /// <summary>The row of a line whose columns name their rows (T7 printed across).</summary>
    private const string ByColumn = "*";

    /// <summary>
    /// A side ends where the next side's labels begin: the leftmost word of the body, not an amount, between the last
    /// column of a side and the first column of the next (a right-aligned amount may reach past its centred header).
    /// </summary>
    private static void RefineSides(List<Side> sides, List<Column> columns, List<PdfLine> body)
    {
        for (var s = 0; s + 1 < sides.Count; s++)
        {
            var last = columns.Where(c => c.Side == s).OrderBy(c => c.WordLeft).LastOrDefault();
            var next = columns.Where(c => c.Side == s + 1).OrderBy(c => c.WordLeft).FirstOrDefault();
            if (last is null || next is null) continue;
            var from = (last.WordLeft + last.WordRight) / 2;
            var labels = body.SelectMany(l => l.Words).Where(w => !PdfVocabulary.IsAmount(w.Text) && w.Left > from && w.Left < next.WordLeft).ToList();
            if (labels.Count == 0) continue;
            var split = labels.Min(w => w.Left) - 0.5;
            sides[s].Right = split;
            sides[s + 1].Left = split;
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i] == last) columns[i] = last with { Right = Math.Max(split, last.WordRight) };
                if (columns[i] == next) columns[i] = next with { Left = split };
            }
        }
    }

    private sealed class Row
    {
        public string? Key;            // fixed row key or code
        public bool Coded;
        public string Label = "";
        public int Page;
        public double Baseline;
        public readonly List<PdfLine> Lines = [];
        public readonly List<PdfWord> Amounts = [];
        public readonly List<PdfWord> NameWords = [];
    }

    private void ReadBody(List<PdfLine> body, List<Column> columns, List<Side> sides)
    {
        for (var s = 0; s < sides.Count; s++)
        {
            var side = sides[s];
            var rows = new List<Row>();
            var fragments = new List<PdfWord>();
            Row? current = null;
            foreach (var line in body)
            {
                var words = line.Words.Where(w => w.Left >= side.Left - 0.5 && w.Left < side.Right).ToList();
                if (words.Count == 0) continue;
                var labels = words.Where(w => !IsAmountOfColumn(w, columns, s)).ToList();
                var amounts = words.Except(labels).ToList();
                labels = JoinSplitCode(labels);
                var code = labels.FirstOrDefault(w => PdfVocabulary.IsCode(w.Text));
                if (labels.Count == 0 && amounts.Count > 0 && columns.Any(c => c.Side == s && !string.IsNullOrEmpty(c.Row)))
                {
                    // T7 printed across: one line of amounts, each column naming its item.
                    current = new Row { Key = ByColumn, Page = line.Page, Baseline = line.Baseline };
                    rows.Add(current);
                }
                var text = string.Concat(labels.Where(w => w != code).Select(w => w.Text));
                if (code is not null)
                {
                    current = new Row { Key = code.Text, Coded = true, Page = line.Page, Baseline = line.Baseline };
                    current.NameWords.AddRange(labels.Where(w => w != code));
                    rows.Add(current);
                }
                else if (text.Length > 0)
                {
                    var labelRow = MatchLabel(text, s);
                    var continues = current is { Coded: false, Key: null } && !PdfVocabulary.StartsNumbered(text) && labelRow is null;
                    if (continues)
                    {
                        current!.Label += text;
                        current.Key = MatchLabel(current.Label, s);
                    }
                    else if (labelRow is not null || PdfVocabulary.StartsNumbered(text) || !HasCodes(body, side))
                    {
                        current = new Row { Key = labelRow, Label = text, Page = line.Page, Baseline = line.Baseline };
                        rows.Add(current);
                    }
                    else
                    {
                        fragments.AddRange(labels);   // a name's wrapped line: it goes to the nearest code
                        if (amounts.Count > 0)
                        {
                            // Amounts printed a little off their code's line (the code set higher in its cell).
                            var owner = rows.Where(r => r.Coded && r.Page == line.Page && r.Amounts.Count == 0 && Math.Abs(r.Baseline - line.Baseline) <= 8)
                                .OrderBy(r => Math.Abs(r.Baseline - line.Baseline)).FirstOrDefault();
                            if (owner is not null) owner.Amounts.AddRange(amounts);
                            else foreach (var a in amounts) _problems.Add(a.Page, $"{_id}：数字「{a.Text}」不在任何一行（行「{text}」无科目编码）");
                        }
                        continue;
                    }
                }
                if (amounts.Count > 0)
                {
                    if (current is null || current.Page != line.Page || Math.Abs(current.Baseline - line.Baseline) > 12)
                    {
                        var owner = rows.LastOrDefault(r => r.Page == line.Page && Math.Abs(r.Baseline - line.Baseline) <= PdfText.SameLine);
                        if (owner is null)
                        {
                            foreach (var a in amounts) _problems.Add(a.Page, $"{_id}：数字「{a.Text}」不在任何一行");
                            continue;
                        }
                        current = owner;
                    }
                    current.Amounts.AddRange(amounts);
                }
            }
            AssignNames(rows, fragments);
            Place(rows, columns, s);
        }
        // A two-sided table of codes (T6: 301 and 303 left, 302 and 310 right) lists its rows in the catalogue's order.
        if (sides.Count > 1 && _table.CodedRows.Count > 0 && body.Any(l => l.Words.Any(w => PdfVocabulary.IsCode(w.Text) && w.Left >= sides[1].Left)))
        {
            var ordered = _table.CodedRows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
            _table.CodedRows.Clear();
            _table.CodedRows.AddRange(ordered);
        }
    }

    /// <summary>A code printed in 类 | 款 | 项 columns (208 | 05 | 01) as one word 2080501 at the 类's place.</summary>
    private static List<PdfWord> JoinSplitCode(List<PdfWord> labels)
    {
        var at = labels.FindIndex(w => w.Text.Length == 3 && w.Text.All(char.IsAsciiDigit));
        if (at < 0) return labels;
        var parts = labels.Skip(at + 1).TakeWhile(w => w.Text.Length == 2 && w.Text.All(char.IsAsciiDigit)).Take(2).ToList();
        if (parts.Count == 0) return labels;
        var joined = labels[at] with { Text = labels[at].Text + string.Concat(parts.Select(p => p.Text)) };
        return [.. labels.Take(at), joined, .. labels.Skip(at + 1 + parts.Count)];
    }

    private static bool HasCodes(List<PdfLine> body, Side side) =>
        body.Any(l => l.Words.Any(w => w.Left >= side.Left - 0.5 && w.Middle < side.LabelRight && PdfVocabulary.IsCode(w.Text)));

    private static bool IsAmountOfColumn(PdfWord w, List<Column> columns, int side) =>
        PdfVocabulary.IsAmount(w.Text) && columns.Any(c => c.Side == side && w.OverlapsX(c.Left, c.Right));

    private string? MatchLabel(string text, int side)
    {
        var label = PdfVocabulary.Label(text);
        foreach (var (name, key) in PdfVocabulary.FixedRows(_id, side))
            if (label == name) return key;
        if (_id == "T4" && side == 0)
            foreach (var (name, column) in PdfVocabulary.T4Funds)
                if (label == name || label == name + "收入") return "fund:" + column;
        if (_id is "T1" or "T4" && side == 1 || _id is "T1" or "T4" && side == 0 && PdfVocabulary.FixedRows(_id, 1).Count == 0)
        {
            if (ClassNames.Value.TryGetValue(label, out var code)) return code;
        }
        return null;
    }

    /// <summary>Each wrapped name line goes to the code row whose line is nearest on its page (a tie to the row above).</summary>
    private static void AssignNames(List<Row> rows, List<PdfWord> fragments)
    {
        foreach (var w in fragments)
        {
            Row? best = null;
            var bestDistance = double.MaxValue;
            foreach (var r in rows)
            {
                if (!r.Coded || r.Page != w.Page) continue;
                var d = Math.Abs(r.Baseline - w.Bottom);
                if (d < bestDistance - 0.01 || Math.Abs(d - bestDistance) <= 0.01 && best is not null && r.Baseline > best.Baseline) (best, bestDistance) = (r, d);
            }
            best?.NameWords.Add(w);
        }
    }

    private void Place(List<Row> rows, List<Column> columns, int side)
    {
        var fund = "";                   // T4's income side: the fund a 一、二、三 line names,
        var fundRow = "incomeCurrent";   // under 本年收入合计 (the lines before it) or under 年初财政拨款结转和结余 (after it)
        foreach (var row in rows)
        {
            if (row.Coded)
            {
                var name = string.Concat(row.NameWords.OrderByDescending(w => w.Bottom).ThenBy(w => w.Left).Select(w => w.Text));
                if (!_table.CodedRows.Any(r => r.Code == row.Key)) _table.CodedRows.Add((row.Key!, name, row.Page));
                else _problems.Add(row.Page, $"{_id}：科目编码 {row.Key} 印了两次");
            }
            else if (row.Key is null)
            {
                if (row.Amounts.Count > 0)
                    _problems.Add(row.Page, $"{_id}：行「{row.Label}」不是本表的行，其数字 {string.Join("、", row.Amounts.Select(a => a.Text))} 无处安放");
                continue;
            }
            else if (row.Key == ByColumn) { }
            else if (row.Key.StartsWith("fund:", StringComparison.Ordinal)) fund = row.Key[5..];
            else if (row.Key.Length == 3 && row.Key.All(char.IsAsciiDigit))
            {
                if (row.Amounts.Count > 0) _table.CodedRows.Add((row.Key, PdfVocabulary.Label(row.Label), row.Page));
            }
            else
            {
                _table.FixedRows.Add(row.Key);
                if (_id == "T4" && side == 0 && row.Key == "incomeOpening") fundRow = "incomeOpening";
            }
            foreach (var a in row.Amounts)
            {
                var column = columns.Where(c => c.Side == side && a.OverlapsX(c.Left, c.Right))
                    .OrderByDescending(c => Math.Min(a.Right, c.Right) - Math.Max(a.Left, c.Left)).FirstOrDefault();
                if (column is null) { _problems.Add(a.Page, $"{_id}：数字「{a.Text}」（行「{row.Key}」）不在任何列下"); continue; }
                var rowKey = row.Key!;
                var columnKey = column.Key;
                if (rowKey == ByColumn)
                {
                    if (string.IsNullOrEmpty(column.Row)) { _problems.Add(a.Page, $"{_id}：数字「{a.Text}」的列「{column.Header}」不指明哪一项"); continue; }
                    rowKey = column.Row;
                    _table.FixedRows.Add(rowKey);
                }
                if (rowKey.StartsWith("fund:", StringComparison.Ordinal))
                {
                    // 一、一般公共预算财政拨款 under 本年收入合计 / 年初财政拨款结转和结余: that row's fund column.
                    rowKey = fundRow;
                    columnKey = fund;
                }
                if (_table.Cells.ContainsKey((rowKey, columnKey)))
                {
                    _problems.Add(a.Page, $"{_id}：行「{rowKey}」列「{column.Header}」印了两个数");
                    continue;
                }
                _table.Cells[(rowKey, columnKey)] = new PdfCell(rowKey, columnKey, a.Text, a.Page);
            }
        }
    }
}
