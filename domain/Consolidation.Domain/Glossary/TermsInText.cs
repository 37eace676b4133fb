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
            var name = TermText.Normalize(term.Name);
            var key = name.Replace("(类)", "", StringComparison.Ordinal);
            // A 类 is written "一般公共服务（类）支出" in the narrative, as the seed does, and named "一般公共服务支出（类）" in the glossary.
            var classForm = name.EndsWith("支出(类)", StringComparison.Ordinal) ? name[..^5] + "(类)支出" : null;
            var found = normal.Contains(key, StringComparison.Ordinal) || (classForm is not null && normal.Contains(classForm, StringComparison.Ordinal));
            if (key.Length < 2 || !found || !seen.Add(key)) continue;
            used.Add(term);
        }
        return used;
    }
}
