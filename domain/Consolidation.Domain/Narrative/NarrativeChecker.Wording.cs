using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.RegularExpressions;
using Consolidation.Domain.Rules;
using static Consolidation.Domain.Narrative.NarrativeFindings;

namespace Consolidation.Domain.Narrative;

internal sealed partial class NarrativeChecker
{
    /// <summary>
    /// Doubled words or punctuation — 是是 的的 和和 了了 在在 为为 与与 及及 年年度 支出（类）支出 ，， 。。 ；； 、、 ,, —
    /// left to right, not overlapping (one pass over the text; no two of them start with the same character).
    /// </summary>
    private static IEnumerable<(int Index, string Value)> Doubled(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            // Every doubling starts with a character twice, but 支出（类）支出.
            i = NextTwiceOrZhi(text, i);
            if (i + 1 >= text.Length) break;
            var rest = text.AsSpan(i);
            var length = rest[0] switch
            {
                '是' or '的' or '和' or '了' or '在' or '为' or '与' or '及' or '，' or '。' or '；' or '、' or ',' when rest[1] == rest[0] => 2,
                '年' when rest.StartsWith("年年度") => 3,
                '支' when rest.Length >= 7 && rest.StartsWith("支出") && rest[2] is '（' or '(' && rest[3] == '类' && rest[4] is '）' or ')' && rest[5..].StartsWith("支出") => 7,
                _ => 0,
            };
            if (length == 0) continue;
            yield return (i, text.Substring(i, length));
            i += length - 1;
        }
    }

    /// <summary>The first place at or after <paramref name="from"/> where a character comes twice or 支 stands; the text's length if none.</summary>
    private static int NextTwiceOrZhi(string text, int from)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        var i = from;
        if (Vector128.IsHardwareAccelerated)
        {
            // Eight places at a time: each character against the next, and against 支.
            var zhi = Vector128.Create((ushort)'支');
            for (; i + 8 < chars.Length; i += 8)
            {
                var here = Vector128.Create(chars.Slice(i, 8));
                var hits = Vector128.Equals(here, Vector128.Create(chars.Slice(i + 1, 8))) | Vector128.Equals(here, zhi);
                if (hits != Vector128<ushort>.Zero) return i + BitOperations.TrailingZeroCount(hits.ExtractMostSignificantBits());
            }
        }
        for (; i + 1 < chars.Length; i++)
            if (chars[i] == chars[i + 1] || chars[i] == '支') return i;
        return chars.Length;
    }

    /// <summary>Each "X（类）" of a sentence: X runs back from the marker to the previous punctuation or digit.</summary>
    private static IEnumerable<(int Index, string Name)> ClassMentions(string text)
    {
        for (var at = text.IndexOf("（类）", StringComparison.Ordinal); at >= 0; at = text.IndexOf("（类）", at + 3, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && "，,；;：:。、".IndexOf(text[start - 1]) < 0 && !char.IsAsciiDigit(text[start - 1])) start--;
            var name = text[start..at].Trim();
            if (name.Length > 0) yield return (start, name);
        }
    }

    /// <summary>The tables that may be empty and then owe a 空表说明, with the narrative topic that speaks of each and what they hold.</summary>
    private static readonly (string Table, Templates.NarrativeTopic Topic, string What)[] MayBeEmpty =
    [
        ("T7", Templates.NarrativeTopic.ThreePublic, "财政拨款“三公”经费支出"),
        ("T8", Templates.NarrativeTopic.GovernmentFund, "政府性基金预算财政拨款收入和支出"),
        ("T9", Templates.NarrativeTopic.StateCapital, "国有资本经营预算财政拨款收入和支出"),
    ];

    /// <summary>A statement that there is nothing: 没有 / 无 / 未发生 / 未安排 / 不涉及 … (收入|支出|经费|数据).</summary>
    [GeneratedRegex(@"(没有|无|未发生|未安排|未使用|不涉及)[^。；;，,]{0,30}?(收入|支出|收支|经费|数据|拨款)")]
    private static partial Regex SaysNothing();

    /// <summary>Every figure a sentence states is 0 ("收入0万元；…支出0万元"): the narrative's way of saying a table is empty.</summary>
    [GeneratedRegex(@"(\d[\d,，]*(?:\.\d+)?)\s*万?元")]
    private static partial Regex StatedAmount();

    // WZ-22: an empty T7, T8 or T9 owes its 空表说明 — the note under the table, or the narrative's part on it saying
    // there was none (or stating its figures as 0); a table with data must not carry a note saying it has none. (A
    // narrative's "无…" beside a table with data is not judged: it often speaks of one part — 无收入 with spending from the
    // opening balance, 未发生因公出国费 beside 接待费 — and its figures are checked as amounts.)
    private void CheckEmptyTables()
    {
        // A fragment (fewer than eight of the topics read) is not judged for a part it leaves out; a whole 情况说明 is.
        var whole = analysis.Document.Sections.Select(x => x.Number).Where(n => n > 0).Distinct().Count() >= WholeDocumentTopics;
        foreach (var (id, topic, what) in MayBeEmpty)
        {
            var table = _accounts[id];
            if (!context.Template.PrintsRow(id, "*") || table.Layout.Columns.All(c => !context.Template.PrintsColumn(id, c.Key))) continue;
            var empty = table.IsEmpty;
            var note = _accounts.NoteOf(id);
            var noteSaysEmpty = note.Contains("无数据") || note.Contains("本表为空") || note.Contains("空表") || SaysNothing().IsMatch(note);
            var sentences = analysis.Document.Sentences.Where(s => s.Section == (int)topic).ToList();
            var saysNothing = sentences.FirstOrDefault(s => SaysNothing().IsMatch(s.Text));
            var allZero = sentences.Count > 0 && sentences.Any(s => StatedAmount().IsMatch(s.Text))
                && sentences.All(s => StatedAmount().Matches(s.Text).All(m => m.Groups[1].Value.Replace(",", "").Replace("，", "").Trim('0', '.').Length == 0));
            var where = new CellLocation(id, "note", "text", table.Layout.Name, "表下说明", "空表说明");
            var name = $"{id} {table.Layout.Name}";
            if (empty && !noteSaysEmpty && saysNothing is null && !allZero && (sentences.Count > 0 || whole))
                Add(NarrativeRules.EmptyTableNote, where, 0, 0, 0,
                    $"{name}各栏均为 0（空表），但未见空表说明：请在表下注明“本单位本年度没有{what}，故本表无数据。”" +
                    (sentences.Count > 0 ? "，或在情况说明的相应部分写明。" : "；情况说明中也没有说明这部分情况。"), FindingQuantity.Count);
            else if (!empty && noteSaysEmpty)
                Add(NarrativeRules.EmptyTableNote, where, 0, 0, 0,
                    $"{name}有数据，但表下说明“{Shorten(note)}”称本表无数据：请删去或改正该说明。", FindingQuantity.Count);
        }
    }

    [GeneratedRegex(@"主要用于[：:]?\s*([^。；;]*)")]
    private static partial Regex UsedFor();

    // WZ-23: a 项's "主要用于" names the subject of a neighbouring 项 of its 款 and not its own — text copied from the item
    // before. Told apart by the words in which the two names differ (事业单位医疗 / 行政单位医疗: 事业 / 行政): the
    // description names the neighbour's and not the item's own.
    private void CheckItemSubjects()
    {
        var sentences = analysis.Document.Sentences;
        foreach (var item in analysis.Items)
        {
            if (item.Code is not { Length: 7 } code) continue;
            var own = Classification.ClassificationCatalogue.Default.Function(code)?.Name ?? item.ItemName;
            var at = IndexOf(sentences, item.Sentence);
            if (at < 0) continue;
            // The item's description: its heading and the sentences after it up to the next heading.
            NarrativeSentence? described = null;
            Match? used = null;
            for (var k = at; k < sentences.Count && k < at + 4; k++)
            {
                var s = sentences[k];
                if (k > at && (s.Item != item.Sentence.Item || analysis.Items.Any(x => ReferenceEquals(x.Sentence, s)))) break;
                if (UsedFor().Match(s.Text) is { Success: true } m) { described = s; used = m; break; }
            }
            if (described is null || used is null) continue;
            var purpose = used.Groups[1].Value;
            foreach (var sibling in Classification.ClassificationCatalogue.Default.FunctionCodes)
            {
                if (sibling.Code.Length != 7 || sibling.Code == code || !sibling.Code.StartsWith(code[..5], StringComparison.Ordinal)) continue;
                var (mine, theirs) = Distinct(own, sibling.Name);
                if (mine.Length < 2 || theirs.Length < 2 || own.Contains(theirs, StringComparison.Ordinal)) continue;
                if (!purpose.Contains(theirs, StringComparison.Ordinal) || purpose.Contains(mine, StringComparison.Ordinal)) continue;
                Add(NarrativeRules.ItemSubject, Wording(described, "purpose"), 0, 0, 0,
                    $"{Quote(described, described.Start + used.Index)}：本项为“{own}”，所写用途“{purpose.Trim()}”说的是“{theirs}”（同款的“{sibling.Name}”），" +
                    "疑为沿用相邻项目的说明。请改写本项的用途。", FindingQuantity.Count);
                break;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<NarrativeSentence> sentences, NarrativeSentence s)
    {
        for (var i = 0; i < sentences.Count; i++)
            if (ReferenceEquals(sentences[i], s)) return i;
        return -1;
    }

    /// <summary>Two names without their common beginning and end: 事业单位医疗 / 行政单位医疗 → 事业 / 行政.</summary>
    private static (string Mine, string Theirs) Distinct(string mine, string theirs)
    {
        var head = 0;
        while (head < mine.Length && head < theirs.Length && mine[head] == theirs[head]) head++;
        var tail = 0;
        while (tail < mine.Length - head && tail < theirs.Length - head && mine[^(tail + 1)] == theirs[^(tail + 1)]) tail++;
        return (mine[head..^tail], theirs[head..^tail]);
    }

    /// <summary>How many topics a narrative reads before it counts as a whole 情况说明 (the templates have 11 to 15).</summary>
    private const int WholeDocumentTopics = 8;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex(@"主要包括([^。]*)")]
    private static partial Regex Includes();

    /// <summary>The sentence an offset falls in; for an offset in a heading, the heading's line as a sentence.</summary>
    private NarrativeSentence SentenceAt(int offset)
    {
        var doc = analysis.Document;
        var sentence = doc.Sentences.FirstOrDefault(s => s.Start <= offset && offset < s.End);
        if (sentence is not null) return sentence;
        var lineStart = doc.Text.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        if (offset == 0) lineStart = 0;
        var lineEnd = doc.Text.IndexOf('\n', offset);
        var section = doc.Sections.LastOrDefault(s => s.Start <= offset);
        return new NarrativeSentence(lineStart, doc.Text[lineStart..(lineEnd < 0 ? doc.Text.Length : lineEnd)], section?.Number ?? 0, 0, 0)
            { PrintedSection = section?.Printed ?? 0, PrintedSubsection = section?.PrintedSubsection ?? 0 };
    }

    // WZ-09: 类/款/项 names are the tables' (catalogue) names.
    private void CheckNames()
    {
        foreach (var item in analysis.Items)
        {
            if (item.Code is null) continue;
            foreach (var (written, code, level) in new[] { (item.ClassName, item.Code[..3], "类"), (item.SectionName, item.Code[..5], "款"), (item.ItemName, item.Code, "项") })
            {
                var name = Entities.NameOf(code);
                if (name is null || SameName(written, name)) continue;
                NameFinding(item.Sentence, item.Sentence.Start + item.Sentence.Text.IndexOf(written, StringComparison.Ordinal), written, code, name, level);
            }
        }
        // 五（二） and elsewhere: "X（类）" outside item headings.
        foreach (var s in analysis.Document.Sentences.Where(s => s.Section == 5 && !analysis.Items.Any(i => ReferenceEquals(i.Sentence, s))))
        {
            foreach (var (index, written) in ClassMentions(s.Text))
            {
                var classes = Entities.Keys.Where(k => k.StartsWith("T5:", StringComparison.Ordinal) && k.Length == 6).ToList().ConvertAll(k => Entities[k]!);
                if (classes.Count == 0 || classes.Any(c => SameName(written, c.Name) || written.EndsWith(c.Name, StringComparison.Ordinal)
                                                            || written.EndsWith(Short(c.Name), StringComparison.Ordinal))) continue;
                var closest = classes.OrderByDescending(c => Common(written, c.Name)).First();
                NameFinding(s, s.Start + index, written, closest.Key[3..], closest.Name, "类");
            }
        }
    }

    private static string Short(string name) => name.EndsWith("支出", StringComparison.Ordinal) && name.Length > 4 ? name[..^2] : name;

    private static bool SameName(string written, string name) =>
        written == name || written == Short(name) || written.Replace("(", "（").Replace(")", "）") == name;

    private static int Common(string a, string b) => a.Count(b.Contains);

    private void NameFinding(NarrativeSentence sentence, int at, string written, string code, string name, string level) =>
        Add(NarrativeRules.ClassName, new CellLocation("T5", code, "name", "一般公共预算财政拨款支出决算表", $"{code} {name}", "科目名称"), 0, 0, 0,
            $"{Quote(sentence, at)}：{level}名称写为“{written}（{level}）”，表中科目 {code} 的名称为“{name}”。请按支出功能分类科目名称改正。");

    // WZ-10: doubled words or punctuation, a listed item twice, an amount unit left incomplete.
    private void CheckWording()
    {
        var text = analysis.Document.Text;
        foreach (var (index, value) in Doubled(text))
        {
            var s = SentenceAt(index);
            Add(NarrativeRules.Wording, Wording(s, value), 0, 0, 0,
                $"{Quote(s, index)}：“{value}”有重复的字词或标点。请改正。");
        }
        foreach (var s in analysis.Document.Sentences)
        {
            if (!s.Text.Contains("主要包括", StringComparison.Ordinal)) continue;
            foreach (Match m in Includes().Matches(s.Text))
            {
                var listed = m.Groups[1].Value.Split('、', '，', ',').Select(x => x.Trim().TrimEnd('等')).Where(x => x.Length > 0).ToList();
                foreach (var twice in listed.GroupBy(x => x).Where(g => g.Count() > 1))
                    Add(NarrativeRules.Wording, Wording(s, twice.Key), 0, 0, 0,
                        $"{Quote(s, s.Start + m.Index)}：“{twice.Key}”在所列内容中重复出现 {twice.Count()} 次。请删去重复项。");
            }
        }
        foreach (var c in analysis.Document.Claims)
            if (c.Unit == "万")
                Add(NarrativeRules.Wording, Wording(c.Sentence, c.Printed), 0, 0, 0,
                    $"{Quote(c.Sentence, c.Start)}：金额“{c.Printed}”缺少单位“元”（应为“{c.Printed}元”）。请改正。");
    }

    [GeneratedRegex(@"X{2,}|×{2,}|待填写|待补充|[（(]略[）)]")]
    private static partial Regex Placeholder();

    private const string AlternativeWords = "增加|增长|减少|下降|降低|上升|大于|小于|高于|低于|等于|持平";

    [GeneratedRegex("(" + AlternativeWords + ")[（(](" + AlternativeWords + ")[）)]")]
    private static partial Regex UnchosenAlternative();

    [GeneratedRegex(@"(主要)?原因(是|为)?[：:]\s*($|[。；;])")]
    private static partial Regex EmptyReason();

    [GeneratedRegex(@"(增长|下降|降低|上升|提高|占|完成[^，,；;。]{0,10}?的?)\s*(\d+\.\d+)(?![\d.])(?!\s*(%|％|万|元|个|辆|人|名|台|套|标箱|倍|分|次|批|项|家|户|天|年|月|日))")]
    private static partial Regex RateWithoutPercent();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")]
    private static partial Regex YearMention();

    // WZ-15 … WZ-19: template text left in, numbers without their %, the department's name, listed items, other years.
    private void CheckTemplateWords()
    {
        var text = analysis.Document.Text;
        foreach (Match m in Placeholder().Matches(text))
        {
            var s = SentenceAt(m.Index);
            if (Quoted(s, m.Index)) continue; // “完成年初预算的XX%” quotes the template's words: not left in
            Add(NarrativeRules.TemplateText, Wording(s, m.Value), 0, 0, 0, $"{Quote(s, m.Index)}：“{m.Value}”是模板中的占位文字，未填写实际内容。请填写或删去。", FindingQuantity.Count);
        }
        foreach (Match m in UnchosenAlternative().Matches(text))
        {
            var s = SentenceAt(m.Index);
            Add(NarrativeRules.TemplateText, Wording(s, m.Value), 0, 0, 0,
                $"{Quote(s, m.Index)}：“{m.Value}”是模板中的备选词，未选定。请按实际只保留“{m.Groups[1].Value}”或“{m.Groups[2].Value}”。", FindingQuantity.Count);
        }
        foreach (var s in analysis.Document.Sentences)
        {
            if (s.Text.Contains('：') || s.Text.Contains(':'))
                foreach (Match m in EmptyReason().Matches(s.Text))
                    Add(NarrativeRules.TemplateText, Wording(s, "原因"), 0, 0, 0, $"{Quote(s, s.Start + m.Index)}：“原因：”后没有写明原因。请补充。", FindingQuantity.Count);
            foreach (Match m in RateWithoutPercent().Matches(s.Text))
            {
                var at = s.Start + m.Groups[2].Index;
                Add(NarrativeRules.MissingUnit, Wording(s, m.Groups[2].Value), 0, 0, 0,
                    $"{Quote(s, at)}：“{m.Groups[1].Value}{m.Groups[2].Value}”缺少“%”，看不出是比例还是金额。请补上单位（如“{m.Groups[2].Value}%”）。", FindingQuantity.Count);
            }
            foreach (Match m in YearMention().Matches(s.Text))
            {
                var year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (year == _accounts.FiscalYear || year == _accounts.FiscalYear - 1) continue;
                Add(NarrativeRules.OtherYear, Wording(s, m.Groups[1].Value + "年"), _accounts.FiscalYear, year, 0,
                    $"{Quote(s, s.Start + m.Index)}：提到 {year} 年，而本决算是 {_accounts.FiscalYear} 年度（上年为 {_accounts.FiscalYear - 1} 年度）。请核对是否沿用了往年的文字；如确需提及，请在出错说明中写明。", FindingQuantity.Count);
            }
        }
        CheckDepartmentName(text);
        CheckListedItems();
        CheckReasons(text);
    }

    private static readonly string[] ReasonWords = ["原因", "因为", "由于", "主要是", "主要系", "系因"];

    /// <summary>WZ-21: a stated change (against last year or the budget) whose paragraph gives no reason after it.</summary>
    private void CheckReasons(string text)
    {
        var reported = new HashSet<int>();
        foreach (var t in Claims)
        {
            // A change of a figure of the accounts (not of an indicator such as 集装箱吞吐量 that no table holds).
            var c = t.Claim;
            if (t.Entity is null || c.Role is not (ClaimRole.Change or ClaimRole.Rate) || c.Kind == ClaimKind.Count || c.Base == ChangeBase.None || c.Value == 0) continue;
            // The reason stands in the change's paragraph (its line), before or after it.
            var lineStart = text.LastIndexOf('\n', Math.Max(c.Start - 1, 0)) + 1;
            if (c.Start == 0) lineStart = 0;
            var lineEnd = text.IndexOf('\n', c.End);
            var line = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart);
            var hasReason = false;
            foreach (var w in ReasonWords)
                if (line.Contains(w, StringComparison.Ordinal)) { hasReason = true; break; }
            if (hasReason || !reported.Add(lineStart)) continue;
            Add(NarrativeRules.ChangeWithoutReason, Wording(c.Sentence, "reason"), 0, 0, 0,
                $"{Quote(c.Sentence, c.Start)}：所述{(c.Base == ChangeBase.Budget ? "与预算相比" : "与上年相比")}的变动 {c.Printed} 未说明原因。请补充“主要原因是……”。", FindingQuantity.Count);
        }
    }

    /// <summary>Whether a position of a sentence stands inside “…” (words quoted, not written).</summary>
    private static bool Quoted(NarrativeSentence s, int offset)
    {
        var before = s.Text.AsSpan(0, Math.Clamp(offset - s.Start, 0, s.Text.Length));
        return before.LastIndexOf('“') > before.LastIndexOf('”');
    }

    /// <summary>WZ-17: a spelling of the department's name that differs from the submitted one by a character or two.</summary>
    private void CheckDepartmentName(string text)
    {
        var name = _accounts.DepartmentName;
        if (name.Length < 6) return;
        var head = name[..3];
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var at = text.IndexOf(head, StringComparison.Ordinal); at >= 0; at = text.IndexOf(head, at + 1, StringComparison.Ordinal))
        {
            if (string.CompareOrdinal(text, at, name, 0, name.Length) == 0) continue;
            // The nearest end that finishes like the name (its last character), within two characters of its length.
            for (var length = name.Length - 2; length <= name.Length + 2; length++)
            {
                if (at + length > text.Length) break;
                if (text[at + length - 1] != name[^1]) continue;
                var written = text.Substring(at, length);
                if (Edits(written, name) is > 0 and <= 2 && reported.Add(written))
                {
                    var s = SentenceAt(at);
                    Add(NarrativeRules.DepartmentName, Wording(s, "name"), 0, 0, 0,
                        $"{Quote(s, at)}：单位名称写为“{written}”，与报送的单位名称“{name}”不一致。请统一为正式名称。", FindingQuantity.Count);
                }
                break;
            }
        }
    }

    private static int Edits(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>WZ-18: an item a "主要包括" list of 人员经费 or 公用经费 names whose T6 row is 0 or not listed.</summary>
    private void CheckListedItems()
    {
        if (!_accounts.Tables.TryGetValue("T6", out var t6) || !t6.Rows.Any(r => r.Code.Length == 5)) return;
        var byName = new Dictionary<string, Model.TableRow>(StringComparer.Ordinal);
        foreach (var r in t6.Rows.Where(r => r.Code.Length == 5)) byName.TryAdd(Plain(r.Name), r);
        foreach (var s in analysis.Document.Sentences.Where(s => s.Section == (int)Templates.NarrativeTopic.BasicExpenditure))
        {
            foreach (Match m in Includes().Matches(s.Text))
            {
                var listStart = m.Groups[1].Index;
                foreach (var raw in m.Groups[1].Value.Split('、', '，', ',', '；', ';'))
                {
                    var item = raw.Trim().TrimStart('：', ':').TrimEnd('等', '。').Trim();
                    if (item.Length < 2) continue;
                    var key = Plain(item);
                    var code = byName.TryGetValue(key, out var row) ? row.Code : EconomicCodeOf.GetValueOrDefault(key);
                    if (code is null) continue; // not a name of the economic classification: not checked
                    var value = row?.Values[0] ?? 0;
                    if (value != 0) continue;
                    var at = s.Start + listStart + m.Groups[1].Value.IndexOf(raw, StringComparison.Ordinal);
                    Add(NarrativeRules.ListedZero, new CellLocation("T6", code, "amount", t6.Layout.Name, $"{code} {row?.Name ?? item}", "金额"), 0, 0, 0,
                        $"{Quote(s, at)}：所列“{item}”在 T6 {t6.Layout.Name}中{(row is null ? "未列出" : "为 0")}（经济分类 {code}）。请删去该项，或核对表中数据。", FindingQuantity.Count);
                }
            }
        }
    }

    /// <summary>The 款 of the economic classification by their plain names.</summary>
    private static readonly Dictionary<string, string> EconomicCodeOf = Classification.ClassificationCatalogue.Default.EconomicCodes
        .Where(e => e.Code.Length == 5).GroupBy(e => Plain(e.Name)).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);

    /// <summary>An economic item's name without its usual endings, to compare a list's words with the table's names.</summary>
    private static string Plain(string name)
    {
        var n = name.Replace("(", "（").Replace(")", "）");
        if (n.EndsWith("支出", StringComparison.Ordinal) && n.Length > 3) n = n[..^2];
        if (n.EndsWith("费用", StringComparison.Ordinal)) n = n[..^1];
        return n;
    }

    // WZ-13 / WZ-14: nothing silently skipped.
    private void ReportUnchecked()
    {
        foreach (var c in analysis.Document.Claims)
        {
            if (Checked.Contains(c)) continue;
            if (AwaitingLastYear.Contains(c))
            {
                Add(NarrativeRules.NeedsLastYear, Wording(c.Sentence, c.Printed), 0, 0, 0,
                    $"{Quote(c.Sentence, c.Start)}：“{c.Printed}”是与上年相比的数字，上年已接收的决算不在系统中，未能核对。");
                continue;
            }
            Add(NarrativeRules.Untied, Wording(c.Sentence, c.Printed), 0, 0, 0,
                $"{Quote(c.Sentence, c.Start)}：未能将“{c.Printed}”对应到决算表中的数据或情况说明中的其他数字，未核对。");
        }
    }
}
