using Consolidation.Domain.Model;

namespace Consolidation.Domain.Validation;

/// <summary>
/// The bounds of everything a caller sends (docs/reliability.md): one home for every limit the intake enforces, so
/// that nothing unbounded reaches the checks, the store, the logs or the consolidation. A request beyond them is
/// refused with INVALID_ARGUMENT naming the field; nothing is stored.
/// </summary>
public static class InputLimits
{
    /// <summary>A client's request ID (a UUID is 36): stored as an index key, so bounded well under LiteDB's 1,023 bytes.</summary>
    public const int MaxRequestIdChars = 128;

    /// <summary>单位名称, 科目名称: the longest printed ones are under 60 characters.</summary>
    public const int MaxNameChars = 200;

    /// <summary>A 公开模板 ID.</summary>
    public const int MaxTemplateChars = 64;

    /// <summary>A row's 科目编码 (功能分类 7 digits, 经济分类 5): room to spare, never unbounded.</summary>
    public const int MaxRowCodeChars = 32;

    /// <summary>Coded rows in one table (the full 功能分类 catalogue has about 1,900 项).</summary>
    public const int MaxRowsPerTable = 5_000;

    /// <summary>下属单位 of one submission.</summary>
    public const int MaxSubordinates = 2_000;

    /// <summary>出错说明 of one submission, and the length of each part.</summary>
    public const int MaxExplanations = 2_000;
    public const int MaxRuleIdChars = 32;
    public const int MaxLocationChars = 200;
    public const int MaxExplanationChars = 2_000;

    /// <summary>内部往来 of one submission.</summary>
    public const int MaxInternalTransfers = 10_000;

    /// <summary>情况说明 (a published one is 5,000–30,000 characters).</summary>
    public const int MaxNarrativeChars = 200_000;

    /// <summary>
    /// The largest amount of one cell: 10 万亿元 (10^15 分). With it, 9,000 cells at the cap still add up within a long;
    /// beyond that the consolidation's sums are checked and refused with a clear status (never a wrapped sum).
    /// </summary>
    public const long MaxAmountFen = 1_000_000_000_000_000;

    /// <summary>编制人数 / 实有人数 / 退休人数 of one submission, and 公务用车保有量.</summary>
    public const int MaxHeadcount = 1_000_000;

    /// <summary>A glossary term, alias or search query (the longest 名词 is under 30 characters).</summary>
    public const int MaxTermChars = 200;

    /// <summary>A glossary definition (the seed's longest is under 1,000 characters), and a change's reason.</summary>
    public const int MaxDefinitionChars = 10_000;
    public const int MaxReasonChars = 2_000;

    /// <summary>Whether the text is 6 to 12 ASCII digits (not full-width or other Unicode digits, no trailing newline).</summary>
    public static bool IsUnitCode(string text) =>
        text.Length is >= 6 and <= 12 && text.All(char.IsAsciiDigit);

    /// <summary>Whether the text holds a control character (a newline, an escape, a NUL…) or a lone surrogate.</summary>
    public static bool HasControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c)) return true;
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i]))) return true;
            if (char.IsLowSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>The request ID's problem, or null: present, at most 128 characters, printable.</summary>
    public static string? RequestIdProblem(string requestId) =>
        requestId.Length > MaxRequestIdChars ? $"请求编号超过 {MaxRequestIdChars} 个字符"
        : HasControl(requestId) ? "请求编号含控制字符"
        : null;

    /// <summary>
    /// At most 40 characters of a caller's text, control characters shown as \uXXXX: the only form in which caller
    /// input goes into a message or a log line (a newline in a code cannot forge a log line).
    /// </summary>
    public static string Excerpt(string? text, int max = 40)
    {
        if (text is null) return "";
        var cut = text.Length > max ? text[..max] : text;
        var sb = new System.Text.StringBuilder(cut.Length + 8);
        foreach (var c in cut)
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029') sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        if (text.Length > max) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>An amount within 0 … <see cref="MaxAmountFen"/>.</summary>
    public static bool InRange(long fen) => fen is >= 0 and <= MaxAmountFen;
}
