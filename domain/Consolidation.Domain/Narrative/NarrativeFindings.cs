using Consolidation.Domain.Model;
using Consolidation.Domain.Rules;

namespace Consolidation.Domain.Narrative;

/// <summary>How narrative findings quote the sentence, name the place and the figure, and print amounts.</summary>
internal static class NarrativeFindings
{
    public const string NarrativeTable = "NR";
    public const string NarrativeTableName = "决算情况说明";
    private const int QuoteLimit = 90;

    /// <summary>"五（三）第8项，第 1534 字：「年初预算为0万元，支出决算为203.59万元。」".</summary>
    public static string Quote(NarrativeSentence sentence, int position)
    {
        var text = sentence.Text.Trim();
        if (text.Length > QuoteLimit)
        {
            var at = Math.Clamp(position - sentence.Start - QuoteLimit / 2, 0, text.Length - QuoteLimit);
            text = (at > 0 ? "…" : "") + text.Substring(at, QuoteLimit) + (at + QuoteLimit < text.Length ? "…" : "");
        }
        return $"情况说明{sentence.Place}（第 {position + 1} 字）「{text}」";
    }

    /// <summary>Where a claim about an entity known only from the narrative points: NR/S12/S12.total.</summary>
    public static CellLocation Stated(NarrativeSentence sentence, Entity entity) =>
        new(NarrativeTable, Places.Key(sentence.Section, sentence.Subsection, 0), entity.Key, NarrativeTableName,
            (sentence with { Item = 0 }).Place, entity.Name);

    /// <summary>A wording location: NR/S5.3.8/wording.</summary>
    public static CellLocation Wording(NarrativeSentence sentence, string what) =>
        new(NarrativeTable, Places.Key(sentence.Section, sentence.Subsection, sentence.Item), what, NarrativeTableName, sentence.Place, what);

    public static CellLocation Of(NarrativeSentence sentence, Entity? entity, Facet facet = Facet.Actual) =>
        (facet == Facet.Budget ? entity?.Budget : facet == Facet.Actual ? entity?.Actual : null)?.Location
        ?? (entity is null ? Wording(sentence, "claim") : Stated(sentence, entity));

    public static string Wan(long fen, AmountPrecision precision) =>
        precision == AmountPrecision.Yuan ? Money.Format(fen, AmountPrecision.Yuan) + " 元" : WanExact(fen) + " 万元";

    /// <summary>分 as 万元 with as many decimals as needed (at least two): 468.295 万元 stays 468.295.</summary>
    public static string WanExact(long fen)
    {
        var abs = Math.Abs(fen);
        var whole = abs / Money.FenPerWanYuan;
        var frac = (abs % Money.FenPerWanYuan).ToString("000000", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        if (frac.Length < 2) frac = frac.PadRight(2, '0');
        return (fen < 0 ? "-" : "") + whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + frac;
    }

    public static string Amount(long fen) => WanExact(fen) + " 万元";

    /// <summary>WZ-13 and WZ-14 merged into one finding per section (of the document's numbering), listing each number.</summary>
    public static List<Finding> GroupUnchecked(List<Finding> findings)
    {
        static string Section(Finding f)
        {
            var place = f.Location.RowName;
            var cut = place.IndexOfAny(['（', '第']);
            return cut > 0 ? place[..cut] : place;
        }
        static string Item(Finding f)
        {
            var open = f.Message.IndexOf("（第 ", StringComparison.Ordinal);
            var close = open < 0 ? -1 : f.Message.IndexOf('）', open);
            return $"{f.Location.RowName}{(close > open && open >= 0 ? f.Message[open..(close + 1)] : "")}“{f.Location.Column}”";
        }
        findings = InformationGroups.Merge(findings, NarrativeRules.Untied, Section,
            (first, n) => $"情况说明{Section(first)}有 {n} 个数字未能对应到决算表中的数据或情况说明中的其他数字，未核对：", Item);
        return InformationGroups.Merge(findings, NarrativeRules.NeedsLastYear, Section,
            (first, n) => $"情况说明{Section(first)}有 {n} 个数字只能与上年决算核对，上年已接收的决算不在系统中，未核对：", Item);
    }
}
