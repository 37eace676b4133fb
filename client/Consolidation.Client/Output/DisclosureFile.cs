using Consolidation.Client.Output.Exports;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>The formats a disclosure is exported in.</summary>
public enum DisclosureFormat { Text, Json, Html, Xlsx, Csv, Pdf }

/// <summary>
/// Writes a disclosure for <c>--out</c>: text (the console's plain rendering), JSON (proto JSON), HTML (self-contained,
/// printable, with charts), XLSX (a sheet per table) or CSV (UTF-8 with BOM). The format is <c>--format</c>, else the
/// file's extension (.json, .html/.htm, .xlsx, .csv), else text.
/// </summary>
public static class DisclosureFile
{
    public static DisclosureFormat? Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "text" or "txt" => DisclosureFormat.Text,
        "json" => DisclosureFormat.Json,
        "html" or "htm" => DisclosureFormat.Html,
        "xlsx" => DisclosureFormat.Xlsx,
        "csv" => DisclosureFormat.Csv,
        "pdf" => DisclosureFormat.Pdf,
        _ => throw new UsageException($"--format “{format}”无效：应为 text、json、html、xlsx、csv 或 pdf"),
    };

    public static DisclosureFormat FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => DisclosureFormat.Json,
        ".html" or ".htm" => DisclosureFormat.Html,
        ".xlsx" => DisclosureFormat.Xlsx,
        ".csv" => DisclosureFormat.Csv,
        ".pdf" => DisclosureFormat.Pdf,
        _ => DisclosureFormat.Text,
    };

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
