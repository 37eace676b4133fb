using Consolidation.Client.Output.Exports;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>One format a disclosure is exported in: the names --format takes, the extensions --out is recognised by, how it is written.</summary>
public sealed record DisclosureFormat(string[] Names, string[] Extensions, Action<string, ConsolidatedDisclosure> Write);

/// <summary>
/// Writes a disclosure for <c>--out</c>: text (the console's plain rendering), JSON (proto JSON), HTML (self-contained,
/// printable, with charts), XLSX (the official 公开表 layout), CSV (UTF-8 with BOM) or PDF (the HTML printed by Chromium).
/// The format is <c>--format</c>, else the file's extension (.json, .html/.htm, .xlsx, .csv, .pdf), else text. Adding a
/// format is its writer (a file in Exports/) and one line in <see cref="Formats"/>.
/// </summary>
public static class DisclosureFile
{
    private static readonly DisclosureFormat Text = new(["text", "txt"], [], WriteText);

    /// <summary>Every format (the one list of them): what --format, --out's extension, the help and the refusals know.</summary>
    public static readonly IReadOnlyList<DisclosureFormat> Formats =
    [
        Text,
        new(["json"], [".json"], (path, d) => File.WriteAllText(path, ProtoJson.Format(d) + Environment.NewLine)),
        new(["html", "htm"], [".html", ".htm"], (path, d) => File.WriteAllText(path, HtmlExport.Render(d))),
        new(["xlsx"], [".xlsx"], XlsxExport.Write),
        new(["csv"], [".csv"], CsvExport.Write),
        new(["pdf"], [".pdf"], (path, d) => Documents.PdfPrinter.Print(HtmlExport.Render(d), path)),
    ];

    /// <summary>"text、json、html、xlsx、csv 或 pdf": what a refusal says --format may be.</summary>
    public static string Allowed { get; } =
        string.Join("、", Formats.SkipLast(1).Select(f => f.Names[0])) + " 或 " + Formats[^1].Names[0];

    /// <summary>The format a --format value names; null when none is given or it names none.</summary>
    public static DisclosureFormat? Find(string? format)
    {
        var name = format?.Trim().ToLowerInvariant();
        foreach (var f in Formats)
            if (f.Names.Contains(name)) return f;
        return null;
    }

    public static DisclosureFormat? Parse(string? format) =>
        string.IsNullOrWhiteSpace(format) ? null
        : Find(format) ?? throw new UsageException($"--format “{format}”无效：应为 {Allowed}");

    public static DisclosureFormat FromExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        foreach (var f in Formats)
            if (f.Extensions.Contains(extension)) return f;
        return Text;
    }

    public static void Write(string path, ConsolidatedDisclosure disclosure, DisclosureFormat? format = null)
    {
        try
        {
            (format ?? FromExtension(path)).Write(path, disclosure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"无法写入 --out 文件 {path}：{Consolidation.Domain.Files.ReadErrorText.Of(e)}");
        }
    }

    private static void WriteText(string path, ConsolidatedDisclosure disclosure)
    {
        using var writer = new StringWriter();
        DisclosureView.Render(Terminal.Plain(writer), disclosure);
        File.WriteAllText(path, writer.ToString());
    }

    /// <summary>Writes the file and says so (on stderr with --json, so stdout stays JSON).</summary>
    public static void WriteAndReport(string path, ConsolidatedDisclosure disclosure, bool json, DisclosureFormat? format = null)
    {
        Write(path, disclosure, format);
        (json ? Terminal.Error : Terminal.Out).MarkupLine($"已写入：{Markup.Escape(Path.GetFullPath(path))}");
    }
}
