using Consolidation.Client.Output.Exports;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>The formats a disclosure is exported in.</summary>
public enum DisclosureFormat { Text, Json, Html, Xlsx, Csv, Pdf }

/// <summary>
/// Writes a disclosure for <c>--out</c>: text (the console's plain rendering), JSON (proto JSON), HTML (self-contained,
/// printable, with charts), XLSX (the official 公开表 layout), CSV (UTF-8 with BOM) or PDF (the HTML printed by Chromium).
/// The format is <c>--format</c>, else the file's extension (.json, .html/.htm, .xlsx, .csv, .pdf), else text.
/// </summary>
public static class DisclosureFile
{
    /// <summary>Every format: the names --format takes and the extensions --out is recognised by (the one list of them).</summary>
    private static readonly (DisclosureFormat Format, string[] Names, string[] Extensions)[] Formats =
    [
        (DisclosureFormat.Text, ["text", "txt"], []),
        (DisclosureFormat.Json, ["json"], [".json"]),
        (DisclosureFormat.Html, ["html", "htm"], [".html", ".htm"]),
        (DisclosureFormat.Xlsx, ["xlsx"], [".xlsx"]),
        (DisclosureFormat.Csv, ["csv"], [".csv"]),
        (DisclosureFormat.Pdf, ["pdf"], [".pdf"]),
    ];

    /// <summary>"text、json、html、xlsx、csv 或 pdf": what a refusal says --format may be.</summary>
    public static string Allowed { get; } =
        string.Join("、", Formats[..^1].Select(f => f.Names[0])) + " 或 " + Formats[^1].Names[0];

    /// <summary>The format a --format value names; null when none is given or it names none.</summary>
    public static DisclosureFormat? Find(string? format)
    {
        var name = format?.Trim().ToLowerInvariant();
        foreach (var f in Formats)
            if (f.Names.Contains(name)) return f.Format;
        return null;
    }

    public static DisclosureFormat? Parse(string? format) =>
        string.IsNullOrWhiteSpace(format) ? null
        : Find(format) ?? throw new UsageException($"--format “{format}”无效：应为 {Allowed}");

    public static DisclosureFormat FromExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        foreach (var f in Formats)
            if (f.Extensions.Contains(extension)) return f.Format;
        return DisclosureFormat.Text;
    }

    public static void Write(string path, ConsolidatedDisclosure disclosure, DisclosureFormat? format = null)
    {
        try
        {
            switch (format ?? FromExtension(path))
            {
                case DisclosureFormat.Json:
                    File.WriteAllText(path, ProtoJson.Format(disclosure) + Environment.NewLine);
                    break;
                case DisclosureFormat.Html:
                    File.WriteAllText(path, HtmlExport.Render(disclosure));
                    break;
                case DisclosureFormat.Xlsx:
                    XlsxExport.Write(path, disclosure);
                    break;
                case DisclosureFormat.Csv:
                    CsvExport.Write(path, disclosure);
                    break;
                case DisclosureFormat.Pdf:
                    Documents.PdfPrinter.Print(HtmlExport.Render(disclosure), path);
                    break;
                default:
                    using (var writer = new StringWriter())
                    {
                        DisclosureView.Render(Terminal.Plain(writer), disclosure);
                        File.WriteAllText(path, writer.ToString());
                    }
                    break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"无法写入 --out 文件 {path}：{Consolidation.Domain.Files.ReadErrorText.Of(e)}");
        }
    }

    /// <summary>Writes the file and says so (on stderr with --json, so stdout stays JSON).</summary>
    public static void WriteAndReport(string path, ConsolidatedDisclosure disclosure, bool json, DisclosureFormat? format = null)
    {
        Write(path, disclosure, format);
        (json ? Terminal.Error : Terminal.Out).MarkupLine($"已写入：{Markup.Escape(Path.GetFullPath(path))}");
    }
}
