using UglyToad.PdfPig;

namespace Consolidation.Client.Inputs.Pdf;

/// <summary>One word of a PDF's text layer with its box (PDF points, y upwards) and its page (1-based).</summary>
public sealed record PdfWord(int Page, string Text, double Left, double Right, double Bottom, double Top)
{
    public double Middle => (Left + Right) / 2;
    public double Width => Right - Left;
    public bool OverlapsX(double left, double right) => Left < right && Right > left;
}

/// <summary>The words printed on one baseline of a page, left to right.</summary>
public sealed record PdfLine(int Page, double Baseline, IReadOnlyList<PdfWord> Words)
{
    /// <summary>The line as printed: its words joined by one space.</summary>
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    /// <summary>The line without any whitespace (for matching titles and labels).</summary>
    public string Compact => PdfText.Compact(Text);
}

/// <summary>The text layer of a PDF as lines of words per page (no OCR: a page without text has no lines).</summary>
public static class PdfText
{
    /// <summary>Words whose baselines differ by at most this much (points) print on one line.</summary>
    public const double SameLine = 2.0;

    public static IReadOnlyList<IReadOnlyList<PdfLine>> ReadPages(string path)
    {
        using var document = PdfDocument.Open(path);
        var pages = new List<IReadOnlyList<PdfLine>>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords()
                .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => new PdfWord(page.Number, Unified(w.Text), w.BoundingBox.Left, w.BoundingBox.Right, w.BoundingBox.Bottom, w.BoundingBox.Top))
                .ToList();
            pages.Add(Lines(page.Number, words));
        }
        return pages;
    }

    /// <summary>Words grouped into lines: top of the page first, each line left to right.</summary>
    public static IReadOnlyList<PdfLine> Lines(int page, IEnumerable<PdfWord> words)
    {
        var lines = new List<(double Baseline, List<PdfWord> Words)>();
        foreach (var w in words.OrderByDescending(w => w.Bottom))
        {
            if (lines.Count > 0 && Math.Abs(lines[^1].Baseline - w.Bottom) <= SameLine) lines[^1].Words.Add(w);
            else lines.Add((w.Bottom, [w]));
        }
        return lines.Select(l => new PdfLine(page, l.Baseline, l.Words.OrderBy(w => w.Left).ToList())).ToList();
    }

    /// <summary>
    /// The text with Kangxi and CJK radicals (U+2E80–U+2FDF), which some fonts' ToUnicode maps give for common characters
    /// (⾃ for 自, ⼤ for 大: Chromium's PDFs with Noto CJK), as the unified ideographs they print. Nothing else is changed:
    /// full-width brackets and colons stay as printed.
    /// </summary>
    public static string Unified(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF')) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is < '\u2E80' or > '\u2FDF') sb.Append(c);
            else if (RadicalsSupplement.TryGetValue(c, out var unified)) sb.Append(unified);
            else sb.Append(c.ToString().Normalize(System.Text.NormalizationForm.FormKC));   // Kangxi radicals decompose
        }
        return sb.ToString();
    }

    /// <summary>The CJK Radicals Supplement's simplified forms (no Unicode decomposition) as the characters they print.</summary>
    private static readonly Dictionary<char, char> RadicalsSupplement = new()
    {
        ['⻅'] = '见', ['⻆'] = '角', ['⻉'] = '贝', ['⻋'] = '车', ['⻓'] = '长', ['⻔'] = '门', ['⻘'] = '青', ['⻚'] = '页',
        ['⻛'] = '风', ['⻜'] = '飞', ['⻝'] = '食', ['⻢'] = '马', ['⻤'] = '鬼', ['⻥'] = '鱼', ['⻦'] = '鸟', ['⻩'] = '黄',
        ['⻬'] = '齐', ['⻮'] = '齿', ['⻰'] = '龙', ['⻳'] = '龟', ['⻄'] = '西', ['⺠'] = '民', ['⻨'] = '麦', ['⻭'] = '齿',
    };

    public static string Compact(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
