using System.Text;

namespace Consolidation.Domain.Glossary;

/// <summary>
/// How people type a term: full-width or half-width, Chinese or ASCII quotes, Chinese or ASCII brackets, spaces,
/// traditional or simplified characters (<see cref="ChineseScript"/>), upper or lower case. The normal form folds all of
/// them: “三公”经费, "三公"经费, ＂三公＂经费, 三公經費 and 三公经费 are the same key; 维修(护)费, 维修（护）费 and
/// 维修【护】费 too.
/// </summary>
public static class TermText
{
    private const string Dropped = "“”\"'‘’「」『』《》〈〉＂＇`";
    private const string Opening = "【〔〖［[{｛";
    private const string Closing = "】〕〗］]}｝";

    public static string Normalize(string text) => Fold(text, null);

    /// <summary>The normal form and, for each of its characters, the index in <paramref name="text"/> it comes from.</summary>
    public static string Normalize(string text, out int[] origin)
    {
        var map = new List<int>(text.Length);
        var key = Fold(text, map);
        origin = map.ToArray();
        return key;
    }

    private static string Fold(string text, List<int>? origin)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (IsPlain(ch)) Append(sb, origin, ch, i);
            else if (char.IsSurrogate(ch)) Append(sb, origin, ch, i); // outside the BMP: kept as is
            else foreach (var folded in ch.ToString().Normalize(NormalizationForm.FormKC)) Append(sb, origin, folded, i);
        }
        return sb.ToString();
    }

    // CJK ideographs and ASCII letters/digits need no compatibility folding: the common case, kept fast.
    private static bool IsPlain(char ch) => ch is >= '\u4e00' and <= '\u9fff' || char.IsAsciiLetterOrDigit(ch);

    private static void Append(StringBuilder sb, List<int>? origin, char ch, int from)
    {
        if (char.IsWhiteSpace(ch) || Dropped.Contains(ch)) return;
        if (Opening.Contains(ch)) ch = '(';
        else if (Closing.Contains(ch)) ch = ')';
        else ch = char.ToLowerInvariant(ChineseScript.ToSimplified(ch));
        sb.Append(ch);
        origin?.Add(from);
    }
}
