using System.Text;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// How people type a term: full-width or half-width, Chinese or ASCII quotes and brackets, spaces. The normal form
/// folds all of them: “三公”经费, "三公"经费, ＂三公＂经费 and 三公经费 are the same key.
/// </summary>
public static class TermText
{
    private const string Dropped = "“”\"'‘’「」『』《》〈〉＂＇ \t\u3000";

    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC); // full-width ASCII and brackets to half-width
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
            if (!Dropped.Contains(ch) && !char.IsWhiteSpace(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }
}
