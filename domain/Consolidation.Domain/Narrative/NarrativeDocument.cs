namespace Consolidation.Domain.Narrative;

/// <summary>
/// A section of 第三部分 决算情况说明: its number in the reference order (1 = 一 收入支出决算总体情况 … 14 = 十四 绩效; 0 =
/// the note before section 一), recognised from the heading's words first and its numeral second.
/// </summary>
public sealed record NarrativeSection(int Number, string Heading, int Start)
{
    /// <summary>The section's number as the document prints it (七 for a 三公 section printed 七); its subsection's, for a topic that is a subsection (十一（一）).</summary>
    public int Printed { get; init; }
    public int PrintedSubsection { get; init; }

    public static string Numeral(int n) => n switch
    {
        <= 0 => "",
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[n - 11],
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"五" for section 5; "说明" for the note before section 一.</summary>
    public string Name => Number == 0 ? "说明" : Numeral(Number);
}

/// <summary>
/// One sentence (up to 。 or the end of a line) with its position in the narrative: the offset of its first character,
/// its section, subsection (（一） = 1, 0 = none) and numbered item (“8、” = 8, 0 = none).
/// </summary>
public sealed record NarrativeSentence(int Start, string Text, int Section, int Subsection, int Item)
{
    public int End => Start + Text.Length;

    /// <summary>The section and subsection numbers as the document prints them (−1: the same as the topic's, for sentences made by hand).</summary>
    public int PrintedSection { get; init; } = -1;
    public int PrintedSubsection { get; init; } = -1;

    /// <summary>"五（三）第8项" — section, subsection and item as the document numbers them, for findings.</summary>
    public string Place => PrintedSection < 0 ? Places.Of(Section, Subsection, Item) : Places.Of(PrintedSection, PrintedSubsection, Item);
}

internal static class Places
{
    public static string Of(int section, int subsection, int item) =>
        (section == 0 ? "开头" : NarrativeSection.Numeral(section)) +
        (subsection > 0 ? "（" + NarrativeSection.Numeral(subsection) + "）" : "") +
        (item > 0 ? "第" + item.ToString(System.Globalization.CultureInfo.InvariantCulture) + "项" : "");

    /// <summary>"S5.3.8": the same place in ASCII, for stable location texts.</summary>
    public static string Key(int section, int subsection, int item) =>
        "S" + section.ToString(System.Globalization.CultureInfo.InvariantCulture) +
        (subsection > 0 ? "." + subsection.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") +
        (item > 0 ? "." + item.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}

/// <summary>The narrative split into sections and sentences, with the claims its sentences make.</summary>
public sealed record NarrativeDocument(
    string Text,
    IReadOnlyList<NarrativeSection> Sections,
    IReadOnlyList<NarrativeSentence> Sentences,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<DirectionPhrase> Directions);
