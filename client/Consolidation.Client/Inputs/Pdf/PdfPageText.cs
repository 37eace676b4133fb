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
                .Select(w => new PdfWord(page.Number, w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.BoundingBox.Bottom, w.BoundingBox.Top))
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

    public static string Compact(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
