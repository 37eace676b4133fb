namespace Consolidation.Domain.Glossary;

/// <summary>The glossary terms a text uses: a term is used when its name (in the normal form, "（类）" dropped) occurs in the text.</summary>
public static class TermsInText
{
    public static IReadOnlyList<GlossaryTerm> Find(Glossary glossary, string text)
    {
        var normal = TermText.Normalize(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var used = new List<GlossaryTerm>();
        foreach (var term in glossary.Terms)
        {
            var key = TermText.Normalize(term.Name).Replace("(类)", "", StringComparison.Ordinal);
            if (key.Length < 2 || !normal.Contains(key, StringComparison.Ordinal) || !seen.Add(key)) continue;
            used.Add(term);
        }
        return used;
    }
}
