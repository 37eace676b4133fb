using System.Text.RegularExpressions;
using Consolidation.Domain.Templates;

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

    public static NarrativeDocument Read(string text) => Read(text, TemplateCatalogue.Default.National);

    /// <summary>
    /// Reads <paramref name="text"/> with the heading words of <paramref name="template"/>: a section's topic is what its
    /// heading's words name, whatever its number; a subsection of a section that names no topic of its own (其他重要事项,
    /// 决算情况说明) takes the topic its words name (（一）机关运行经费支出情况). The document's own numbers are kept for
    /// findings (<see cref="NarrativeSentence.Place"/>).
    /// </summary>
    public static NarrativeDocument Read(string text, Template template)
    {
        var sections = new List<NarrativeSection> { new(0, "", 0) };
        var sentences = new List<NarrativeSentence>();
        int section = 0, subsection = 0, item = 0;
        int printedSection = 0, printedSubsection = 0;
        var sectionTopic = 0; // the topic of the level-1 heading (0: it names none)
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
                printedSection = NumeralValue(heading.Groups[1].Value);
                sectionTopic = TopicOf(template, heading.Groups[2].Value, printedSection);
                section = sectionTopic;
                sections.Add(new NarrativeSection(section, trimmed.ToString(), lineStart) { Printed = printedSection });
                subsection = printedSubsection = 0;
                item = 0;
                continue;
            }
            if (headingLike && first is '（' or '(' && !ClaimReader.HasNumberWithUnit(span)
                && SubsectionHeading().Match(span.ToString()) is { Success: true } sub)
            {
                printedSubsection = NumeralValue(sub.Groups[1].Value);
                subsection = printedSubsection;
                item = 0;
                // Under 其他重要事项 (or a heading that names nothing) each subsection is a topic of its own.
                if (sectionTopic is 0 or (int)NarrativeTopic.OtherMatters
                    && template.TopicOf(sub.Groups[2].Value) is { } topic && topic != NarrativeTopic.OtherMatters)
                {
                    section = (int)topic;
                    subsection = 0;
                    sections.Add(new NarrativeSection(section, trimmed.ToString(), lineStart) { Printed = printedSection, PrintedSubsection = printedSubsection });
                }
                else if (sectionTopic is 0 or (int)NarrativeTopic.OtherMatters) section = sectionTopic;
                continue;
            }
            if (char.IsDigit(first) && ItemStart().Match(span.ToString()) is { Success: true } itemMatch)
                item = int.Parse(itemMatch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            SplitSentences(text, lineStart, span.Length, sentences, section, subsection, item, printedSection, printedSubsection);
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

    private static int TopicOf(Template template, string heading, int numeral) =>
        template.TopicOf(heading) is { } topic ? (int)topic : template.NumberedLikeSeed && numeral <= 14 ? numeral : 0;

    /// <summary>The sentences of the line at <paramref name="lineStart"/>: each up to 。！？ or the line's end, blank ones left out.</summary>
    private static void SplitSentences(string text, int lineStart, int length, List<NarrativeSentence> sentences, int section, int subsection, int item,
        int printedSection, int printedSubsection)
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
                sentences.Add(new NarrativeSentence(lineStart + start, text.Substring(lineStart + start, end - start), section, subsection, item)
                    { PrintedSection = printedSection, PrintedSubsection = printedSubsection });
            start = i + 1;
            if (i >= line.Length) break;
        }
    }

    /// <summary>The topic of a section from its heading's words (the national template's), the numeral when they name none.</summary>
    public static int SectionOf(string heading, int numeral) =>
        TemplateCatalogue.Default.National.TopicOf(heading) is { } topic ? (int)topic : numeral;

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
