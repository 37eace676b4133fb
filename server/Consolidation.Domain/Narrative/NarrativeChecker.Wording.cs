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
        var section = doc.Sections.LastOrDefault(s => s.Start <= offset)?.Number ?? 0;
        return new NarrativeSentence(lineStart, doc.Text[lineStart..(lineEnd < 0 ? doc.Text.Length : lineEnd)], section, 0, 0);
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
