namespace Consolidation.Client.Inputs.Pdf;

/// <summary>
/// Where in the PDF a submission read from it says what it says: each printed cell's page and printed text, each
/// table's pages, and each page's text — so that a finding on the submission names the page a clerk opens
/// (<see cref="Of"/>).
/// </summary>
public sealed class PdfOrigins(IReadOnlyList<PdfTable> tables, IReadOnlyList<string> pageTexts)
{
    private readonly Dictionary<string, PdfTable> _tables = tables.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>
    /// "PDF 第 5 页「1,234.56」" for a finding that points at a printed cell (its table's pages when it points at a row or
    /// column as a whole), and the page of the 情况说明 sentence it quotes; null when the PDF shows neither.
    /// </summary>
    public string? Of(string table, string row, string column, string message)
    {
        var parts = new List<string>();
        if (_tables.TryGetValue(table, out var t))
        {
            if (t.Cells.TryGetValue((row, column), out var cell)) parts.Add($"表中数据在第 {cell.Page} 页「{cell.Printed}」");
            else if (t.CodedRows.FirstOrDefault(r => r.Code == row) is { Code: not null } coded) parts.Add($"{table}「{coded.Name}」行在第 {coded.Page} 页");
            else parts.Add($"{table} 在第 {Pages(t)} 页");
        }
        if (QuotedPage(message) is { } page) parts.Add($"情况说明此句在第 {page} 页");
        return parts.Count == 0 ? null : "PDF " + string.Join("，", parts);
    }

    private static string Pages(PdfTable t) =>
        t.Pages.Count <= 1 ? t.Page.ToString() : $"{t.Pages.Min}–{t.Pages.Max}";

    /// <summary>The page whose text holds the sentence a finding quotes (「…」, cut with … when long): its longest uncut piece.</summary>
    private int? QuotedPage(string message)
    {
        var open = message.IndexOf('「');
        var close = open < 0 ? -1 : message.IndexOf('」', open + 1);
        if (close < 0) return null;
        var piece = message[(open + 1)..close].Split('…').Select(PdfText.Compact).MaxBy(p => p.Length) ?? "";
        if (piece.Length < 6) return null; // too short to tell one place from another
        for (var i = 0; i < pageTexts.Count; i++)
            if (pageTexts[i].Contains(piece, StringComparison.Ordinal)) return i + 1;
        // A sentence printed over a page break: its first words.
        var head = piece[..Math.Min(12, piece.Length)];
        for (var i = 0; i < pageTexts.Count; i++)
            if (pageTexts[i].Contains(head, StringComparison.Ordinal)) return i + 1;
        return null;
    }
}
