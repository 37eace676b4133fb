using System.Text.RegularExpressions;

namespace Consolidation.Domain.Narrative;

/// <summary>
/// Ties the claims of a read narrative to entities: the words before a number (or, for a count, just after it) name
/// its entity in the section it stands in; a number whose words name none speaks of the sentence's topic — the entity
/// last named in the same section, subsection and item (so "支出决算为379.03万元" speaks of the item its heading named).
/// </summary>
internal static partial class ClaimTies
{
    [GeneratedRegex(@"^\s*\d{1,2}\s*[、.．]\s*(.+?)[（(]类[）)](.+?)[（(]款[）)](.+?)[（(]项[）)]")]
    private static partial Regex ItemHeadingPattern();

    [GeneratedRegex(@"^[^，,；;。：:\d]{0,8}")]
    private static partial Regex WordsAfter();

    private static readonly string[] FundPrefixes = ["一般公共预算", "政府性基金预算", "国有资本经营预算"];

    public static (List<TiedClaim> Claims, List<TiedDirection> Directions, List<ItemHeading> Items) Tie(NarrativeDocument doc, EntityCatalogue entities)
    {
        var claims = new List<TiedClaim>();
        var directions = new List<TiedDirection>();
        var items = new List<ItemHeading>();
        Entity? topic = null;
        (int, int, int) scope = (-1, -1, -1);
        var vehicleTotalSeen = false;
        // Claims and direction phrases come sentence by sentence: each sentence takes the next of both lists that stand in
        // it and goes through them by position (a claim first on a tie).
        int nextClaim = 0, nextDirection = 0;
        var inSentence = new List<TiedClaim>();
        var sentenceDirections = new List<DirectionPhrase>();
        // The same words come back claim after claim (", 支出决算为", "年初预算为"): what they say is worked out once.
        var topicWordsOnly = new Dictionary<string, bool>(StringComparer.Ordinal);
        var facets = new Dictionary<string, Facet>(StringComparer.Ordinal);
        bool TopicWordsOnly(string subject)
        {
            if (!topicWordsOnly.TryGetValue(subject, out var only)) topicWordsOnly[subject] = only = SpeaksOfTheTopic(subject);
            return only;
        }
        Facet FacetOfWords(string subject)
        {
            if (!facets.TryGetValue(subject, out var facet)) facets[subject] = facet = FacetOf(subject);
            return facet;
        }
        // The 项 every item heading names by its own words; a heading whose 项 name is not the table's (text copied from
        // elsewhere, an old name) is tied to the one 项 of its 款 that no other heading names, and WZ-09 reports the name.
        var namedItems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in doc.Sentences)
            if (StartsWithDigit(sentence.Text) && ItemHeadingPattern().Match(sentence.Text) is { Success: true } h
                && entities.FindItem(h.Groups[1].Value.Trim(), h.Groups[2].Value.Trim(), h.Groups[3].Value.Trim()) is { } r)
                namedItems.Add(r.Code);
        foreach (var sentence in doc.Sentences)
        {
            var here = (sentence.Section, sentence.Subsection, sentence.Item);
            if (here != scope) { topic = null; scope = here; }
            if (StartsWithDigit(sentence.Text) && ItemHeadingPattern().Match(sentence.Text) is { Success: true } heading)
            {
                var (c, s, i) = (heading.Groups[1].Value.Trim(), heading.Groups[2].Value.Trim(), heading.Groups[3].Value.Trim());
                var row = entities.FindItem(c, s, i) ?? entities.FindRemainingItem(c, s, namedItems);
                items.Add(new ItemHeading(sentence, c, s, i, row?.Code));
                if (row is not null && sentence.Section == 5) topic = entities["T5:" + row.Code];
            }
            inSentence.Clear();
            sentenceDirections.Clear();
            while (nextDirection < doc.Directions.Count && ReferenceEquals(doc.Directions[nextDirection].Sentence, sentence))
                sentenceDirections.Add(doc.Directions[nextDirection++]);
            if (sentenceDirections.Count > 1) sentenceDirections.Sort((a, b) => a.Start.CompareTo(b.Start));
            var di = 0;
            while (true)
            {
                var claim = nextClaim < doc.Claims.Count && ReferenceEquals(doc.Claims[nextClaim].Sentence, sentence) ? doc.Claims[nextClaim] : null;
                var d = di < sentenceDirections.Count ? sentenceDirections[di] : null;
                if (claim is null && d is null) break;
                if (claim is null || (d is not null && d.Start < claim.Start))
                {
                    directions.Add(new TiedDirection(d!, topic));
                    di++;
                    continue;
                }
                nextClaim++;
                var section = sentence.Section;
                TiedClaim tied;
                switch (claim.Kind, claim.Role)
                {
                    case (ClaimKind.Quantity, _):
                        tied = new TiedClaim(claim, null, Facet.Actual);
                        topic = null;
                        break;
                    case (ClaimKind.Count, _) when section == 13 && claim.Unit == "辆":
                    {
                        Entity entity;
                        if (!vehicleTotalSeen && (claim.Subject.Contains("车辆") || claim.Subject.Contains("共有")))
                        {
                            entity = entities["S13.vehicles"]!;
                            vehicleTotalSeen = true;
                        }
                        else
                        {
                            var name = VehicleKind(claim.Subject);
                            entity = entities.AddStated("S13:" + name, name);
                        }
                        tied = new TiedClaim(claim, entity, Facet.Actual);
                        break;
                    }
                    case (_, ClaimRole.Share):
                    {
                        var zhan = claim.Subject.LastIndexOf('占');
                        var numeratorWords = zhan > 0 ? claim.Subject[..zhan] : "";
                        var named = numeratorWords.AsSpan().Trim("，,；; ").Length > 0 ? entities.Find(section, numeratorWords) : null;
                        TiedClaim? part = null;
                        if (named is null)
                            for (var k = inSentence.Count - 1; k >= 0 && part is null; k--)
                                if (inSentence[k].Claim is { Role: ClaimRole.Figure, Kind: ClaimKind.Amount }) part = inSentence[k];
                        var denominator = claim.Denominator.Length > 0
                            ? entities.Find(section, claim.Denominator) ?? Global(entities, claim.Denominator)
                            : entities.DefaultDenominator(section);
                        tied = new TiedClaim(claim, named ?? part?.Entity, Facet.Actual) { Denominator = denominator, Part = part };
                        break;
                    }
                    case (_, ClaimRole.Completion):
                        tied = new TiedClaim(claim, topic, Facet.Actual);
                        break;
                    case (_, ClaimRole.Change or ClaimRole.Rate):
                    {
                        var words = claim.Kind == ClaimKind.Count ? claim.Subject + After(sentence, claim) : claim.Subject;
                        var entity = entities.Find(section, words) ?? topic;
                        if (claim.Kind == ClaimKind.Count && entity?.Key != "Staff")
                            entity = After(sentence, claim).Contains("人员") ? entities["Staff"] : entities.Find(section, After(sentence, claim));
                        TiedClaim? change = null;
                        if (claim.Role == ClaimRole.Rate)
                            for (var k = inSentence.Count - 1; k >= 0 && change is null; k--)
                            {
                                var t = inSentence[k];
                                if (t.Claim.Role == ClaimRole.Change && t.Claim.Kind == ClaimKind.Amount && ReferenceEquals(t.Entity, entity) && t.Claim.Base == claim.Base) change = t;
                            }
                        tied = new TiedClaim(claim, entity, Facet.Actual) { Change = change };
                        if (entity is not null && claim.Kind != ClaimKind.Count) topic = entity;
                        break;
                    }
                    default:
                    {
                        var entity = entities.Find(section, claim.Subject);
                        if (entity?.Key == "Staff") entity = null;
                        // "（含外宾接待支出 0.00 万元）": a part inside brackets is not the figure of the words before it.
                        if (IsBracketedPart(claim.Subject)) { tied = new TiedClaim(claim, null, Facet.Actual); break; }
                        if (entity is null && (claim.Kind == ClaimKind.Count || TopicWordsOnly(claim.Subject))) entity = topic;
                        // "完成全年预算 A 万元的 X%": the budget inside the completion phrase is the topic's.
                        if (entity is null && claim.Kind == ClaimKind.Amount && claim.Subject.Contains("完成", StringComparison.Ordinal)
                            && claim.Subject.Contains("预算", StringComparison.Ordinal)) entity = topic;
                        tied = new TiedClaim(claim, entity, FacetOfWords(claim.Subject));
                        if (entity is not null) topic = entity;
                        break;
                    }
                }
                claims.Add(tied);
                inSentence.Add(tied);
            }
        }
        return (claims, directions, items);
    }

    /// <summary>Whether the words open a bracket that names a part: "（含…", "(其中…".</summary>
    internal static bool IsBracketedPart(string subject)
    {
        var open = subject.LastIndexOfAny(['（', '(']);
        if (open < 0 || subject.IndexOfAny(['）', ')'], open) >= 0) return false;
        var inside = subject.AsSpan(open + 1).TrimStart();
        return inside.StartsWith("含") || inside.StartsWith("其中") || inside.StartsWith("包括");
    }

    /// <summary>Whether a sentence starts (after blanks) with a digit, as a numbered item "8、" does.</summary>
    private static bool StartsWithDigit(string text)
    {
        var t = text.AsSpan().TrimStart();
        return t.Length > 0 && char.IsDigit(t[0]);
    }

    private static Entity? Global(EntityCatalogue entities, string words) =>
        words.Contains("支出合计") ? entities["T1.expenditure"] : words.Contains("收入合计") ? entities["T1.income"] : null;

    private static string After(NarrativeSentence sentence, Claim claim) =>
        WordsAfter().Match(sentence.Text[(claim.End - sentence.Start)..]).Value;

    /// <summary>
    /// Whether words that name no entity still speak of the topic: they say only which figure ("，支出决算为",
    /// "年初预算为", "，共涉及资金", "执行数为"). Words naming something unknown ("；一般公共服务支出") do not: such a
    /// number is left untied rather than compared with the wrong cell.
    /// </summary>
    internal static bool SpeaksOfTheTopic(string subject)
    {
        // A Chinese character no topic word has stays whatever is removed.
        foreach (var c in subject)
            if (c >= '\u4e00' && c <= '\u9fff' && !TopicChars.Contains(c)) return false;
        var s = subject;
        foreach (var w in TopicWords) s = s.Replace(w, "");
        return !s.Any(c => c >= '\u4e00' && c <= '\u9fff');
    }

    private static readonly string[] TopicWords =
    [
        "支出决算数", "支出决算", "决算数", "决算", "年初预算数", "年初预算", "全年预算数", "预算数", "预算", "执行数", "共涉及资金", "涉及资金", "资金",
        "支出", "金额", "合计", "总额", "其中", "全年", "年度", "本年", "共计", "累计", "实际", "为", "是", "达到", "共",
    ];

    /// <summary>The characters of the topic words.</summary>
    private static readonly System.Buffers.SearchValues<char> TopicChars = System.Buffers.SearchValues.Create(string.Concat(TopicWords));

    /// <summary>Budget when the words say 预算 (not a fund's name, not 决算 or 执行), otherwise actual.</summary>
    internal static Facet FacetOf(string subject)
    {
        if (!subject.Contains('预')) return Facet.Actual; // no 预算 to find, whatever is removed
        var s = subject;
        foreach (var fund in FundPrefixes) s = s.Replace(fund, "");
        if (!s.Contains("预算") || s.Contains("决算") || s.Contains("执行")) return Facet.Actual;
        return NamesFullYearBudget(s) ? Facet.FullYearBudget : Facet.Budget;
    }

    /// <summary>Whether words name the adjusted budget (全年预算, 调整预算, 调整后预算数), not the 年初预算.</summary>
    internal static bool NamesFullYearBudget(string words) =>
        words.Contains("全年预算", StringComparison.Ordinal) || words.Contains("调整预算", StringComparison.Ordinal) || words.Contains("调整后", StringComparison.Ordinal);

    private static string VehicleKind(string subject)
    {
        var s = subject.Trim('，', ',', '、', '；', ';', '：', ':', ' ');
        var at = s.LastIndexOfAny(['，', ',', '、', '；', ';', '：', ':']);
        return at >= 0 ? s[(at + 1)..] : s;
    }
}
