using System.Text.RegularExpressions;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// Reads 决算情况说明: splits it into sections 一–十四 (by the heading's words, so a renumbered or reworded heading is
/// still found; by its numeral otherwise), subsections （一）, numbered items “8、” and sentences, and finds every number
/// with a unit in them (<see cref="ClaimReader"/>) and every direction phrase. Positions are character offsets.
/// </summary>
public static partial class NarrativeReader
{
    [GeneratedRegex(@"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.*)$")]
    private static partial Regex SubsectionHeading();

    [GeneratedRegex(@"^\s*(\d{1,2})\s*[、.．]")]
    private static partial Regex ItemStart();

    private const int MaxHeadingLength = 40;

    public static NarrativeDocument Read(string text)
    {
        var sections = new List<NarrativeSection> { new(0, "", 0) };
        var sentences = new List<NarrativeSentence>();
        int section = 0, subsection = 0, item = 0;
        for (var offset = 0; offset <= text.Length;)
        {
            var lineStart = offset;
            var lineEnd = text.IndexOf('\n', offset);
            if (lineEnd < 0) lineEnd = text.Length;
            offset = lineEnd + 1;
            var span = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            var trimmed = span.Trim();
            if (trimmed.Length == 0) continue;
            // The patterns run only on lines that start like a heading or an item (most lines do not).
            var first = trimmed[0];
            var headingLike = trimmed.Length <= MaxHeadingLength && !span.Contains('。');
            if (headingLike && "一二三四五六七八九十".Contains(first)
                && SectionHeading().Match(span.ToString()) is { Success: true } heading)
            {
                section = SectionOf(heading.Groups[2].Value, NumeralValue(heading.Groups[1].Value));
                sections.Add(new NarrativeSection(section, trimmed.ToString(), lineStart));
                subsection = 0;
                item = 0;
                continue;
            }
            if (headingLike && first is '（' or '(' && !ClaimReader.HasNumberWithUnit(span)
                && SubsectionHeading().Match(span.ToString()) is { Success: true } sub)
            {
                subsection = NumeralValue(sub.Groups[1].Value);
                item = 0;
                continue;
            }
            if (char.IsDigit(first) && ItemStart().Match(span.ToString()) is { Success: true } itemMatch)
                item = int.Parse(itemMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            SplitSentences(text, lineStart, span.Length, sentences, section, subsection, item);
        }
        var claims = new List<Claim>();
        var directions = new List<DirectionPhrase>();
        foreach (var s in sentences)
        {
            ClaimReader.Read(s, claims);
            ClaimReader.Directions(s, directions);
        }
        return new NarrativeDocument(text, sections, sentences, claims, directions);
    }

    /// <summary>The sentences of the line at <paramref name="lineStart"/>: each up to 。！？ or the line's end, blank ones left out.</summary>
    private static void SplitSentences(string text, int lineStart, int length, List<NarrativeSentence> sentences, int section, int subsection, int item)
    {
        var line = text.AsSpan(lineStart, length);
        var start = 0;
        while (true)
        {
            // The next 。！？ (or the line's end) closes a sentence.
            var found = start < line.Length ? line[start..].IndexOfAny('。', '！', '？') : -1;
            var i = found < 0 ? line.Length : start + found;
            var end = Math.Min(i + 1, line.Length);
            if (end > start && !line[start..end].IsWhiteSpace())
                sentences.Add(new NarrativeSentence(lineStart + start, text.Substring(lineStart + start, end - start), section, subsection, item));
            start = i + 1;
            if (i >= line.Length) break;
        }
    }

    /// <summary>The reference number of a section from its heading's words; the numeral when the words say nothing.</summary>
    public static int SectionOf(string heading, int numeral)
    {
        var h = heading;
        if (h.Contains("三公")) return 9;
        if (h.Contains("机关运行经费")) return 10;
        if (h.Contains("一般性支出") || h.Contains("会议费") || h.Contains("培训费")) return 11;
        if (h.Contains("政府采购")) return 12;
        if (h.Contains("国有资产") || h.Contains("资产占用")) return 13;
        if (h.Contains("绩效")) return 14;
        if (h.Contains("政府性基金")) return 7;
        if (h.Contains("国有资本经营")) return 8;
        if (h.Contains("基本支出")) return 6;
        if (h.Contains("一般公共预算财政拨款支出") || h.Contains("一般公共预算拨款支出")) return 5;
        if (h.Contains("财政拨款收入支出") || h.Contains("财政拨款收支")) return 4;
        if (h.Contains("收入支出决算总体") || h.Contains("收支决算总体") || h.Contains("收入支出决算总表")) return 1;
        if (h.Contains("收入决算")) return 2;
        if (h.Contains("支出决算")) return 3;
        return numeral;
    }

    public static int NumeralValue(string numeral)
    {
        const string digits = "一二三四五六七八九";
        if (numeral == "十") return 10;
        if (numeral.StartsWith('十')) return 10 + digits.IndexOf(numeral[1]) + 1;
        if (numeral.Length == 2 && numeral[1] == '十') return (digits.IndexOf(numeral[0]) + 1) * 10;
        if (numeral.Length == 3 && numeral[1] == '十') return (digits.IndexOf(numeral[0]) + 1) * 10 + digits.IndexOf(numeral[2]) + 1;
        return digits.IndexOf(numeral[0]) + 1;
    }
}
