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
        var offset = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var lineStart = offset;
            offset += rawLine.Length + 1;
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var heading = SectionHeading().Match(line);
            if (heading.Success && line.Trim().Length <= MaxHeadingLength && !line.Contains('。'))
            {
                section = SectionOf(heading.Groups[2].Value, NumeralValue(heading.Groups[1].Value));
                sections.Add(new NarrativeSection(section, line.Trim(), lineStart));
                subsection = 0;
                item = 0;
                continue;
            }
            var sub = SubsectionHeading().Match(line);
            if (sub.Success && line.Trim().Length <= MaxHeadingLength && !line.Contains('。') && !Claims(line))
            {
                subsection = NumeralValue(sub.Groups[1].Value);
                item = 0;
                continue;
            }
            var itemMatch = ItemStart().Match(line);
            if (itemMatch.Success) item = int.Parse(itemMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (start, sentence) in SplitSentences(line))
                sentences.Add(new NarrativeSentence(lineStart + start, sentence, section, subsection, item));
        }
        var claims = new List<Claim>();
        var directions = new List<DirectionPhrase>();
        foreach (var s in sentences)
        {
            claims.AddRange(ClaimReader.Read(s));
            directions.AddRange(ClaimReader.Directions(s));
        }
        return new NarrativeDocument(text, sections, sentences, claims, directions);
    }

    private static bool Claims(string line) => ClaimReader.HasNumberWithUnit(line);

    private static IEnumerable<(int Start, string Text)> SplitSentences(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is not ('。' or '！' or '？')) continue;
            if (line[start..(i + 1)].Trim().Length > 0) yield return (start, line[start..(i + 1)]);
            start = i + 1;
        }
        if (start < line.Length && line[start..].Trim().Length > 0) yield return (start, line[start..]);
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
