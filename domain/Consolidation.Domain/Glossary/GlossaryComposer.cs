using Consolidation.Domain.Classification;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// Builds the glossary of one fiscal year's sources: the terms of a disclosure's Part 4, the classification catalogues
/// (a Part 4 term whose name is a 科目 name, with or without its "（类）", carries the codes), the aliases and extra
/// categories of <see cref="TermAliases"/>.
/// </summary>
public static class GlossaryComposer
{
    public static Glossary Compose(IEnumerable<GlossaryTerm> part4, int fiscalYear, ClassificationCatalogue catalogue, TermAliases aliases)
    {
        var codesByName = CatalogueTerms.CodesByName(catalogue);
        var used = new HashSet<string>();
        var entries = new List<GlossaryEntry>();
        foreach (var term in part4)
        {
            var key = TermText.Normalize(term.Name);
            var bare = StripClassSuffix(key);
            var codes = codesByName.GetValueOrDefault(key) ?? codesByName.GetValueOrDefault(bare) ?? [];
            if (codes.Count > 0) used.Add(codesByName.ContainsKey(key) ? key : bare);
            var categories = new List<string> { term.Category };
            foreach (var c in codes.Select(c => c.Classification)) if (!categories.Contains(c)) categories.Add(c);
            var termAliases = bare != key ? new List<string> { BareName(term.Name) } : [];
            entries.Add(new GlossaryEntry(term.Name, categories,
                [new TermVersion(fiscalYear, term.Definition, term.OtherDefinitions, term.Source)], codes, termAliases));
        }
        foreach (var (key, codes) in codesByName)
        {
            if (used.Contains(key)) continue;
            var name = codes.Count > 0 ? NameOf(catalogue, codes[0]) : key;
            var categories = codes.Select(c => c.Classification).Distinct().ToList();
            entries.Add(new GlossaryEntry(name, categories,
                [new TermVersion(fiscalYear, CatalogueTerms.DefinitionOf(name, codes), [], CatalogueTerms.SourceOf(codes))], codes, []));
        }
        return new Glossary(Decorate(entries, aliases));
    }

    /// <summary>Adds the aliases and extra categories of the data; a line naming no term, or an alias that is another term's name, throws.</summary>
    public static IReadOnlyList<GlossaryEntry> Decorate(IReadOnlyList<GlossaryEntry> entries, TermAliases aliases)
    {
        var index = entries.Select((e, i) => (Key: TermText.Normalize(e.Name), i)).ToDictionary(x => x.Key, x => x.i);
        var result = entries.ToList();
        int Find(string name, string what) => index.TryGetValue(TermText.Normalize(name), out var i)
            ? i : throw new FormatException($"{what}中的“{name}”不是名词解释中的名词");
        foreach (var (name, list) in aliases.Aliases)
        {
            var i = Find(name, "别名表");
            foreach (var alias in list)
                if (index.TryGetValue(TermText.Normalize(alias), out var other) && other != i)
                    throw new FormatException($"别名“{alias}”是另一个名词“{entries[other].Name}”的名称");
            result[i] = result[i] with { Aliases = [.. result[i].Aliases, .. list.Where(a => !result[i].Aliases.Contains(a))] };
        }
        foreach (var (category, names) in aliases.Categories)
            foreach (var name in names)
            {
                var i = Find(name, $"类别“{category}”");
                if (!result[i].Categories.Contains(category)) result[i] = result[i] with { Categories = [.. result[i].Categories, category] };
            }
        return result;
    }

    private static string NameOf(ClassificationCatalogue catalogue, TermCode code) =>
        (code.Classification == TermCode.Function ? catalogue.Function(code.Code) : catalogue.Economic(code.Code))?.Name ?? code.Code;

    private static string StripClassSuffix(string key) => key.EndsWith("(类)", StringComparison.Ordinal) ? key[..^3] : key;

    private static string BareName(string name)
    {
        foreach (var suffix in new[] { "（类）", "(类)" })
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length];
        return name;
    }
}
