using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>Writes a disclosure for <c>--out</c>: <c>.json</c> as proto JSON, anything else as the console's plain text.</summary>
public static class DisclosureFile
{
    public static void Write(string path, ConsolidatedDisclosure disclosure)
    {
        string text;
        if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase))
        {
            text = ProtoJson.Format(disclosure) + Environment.NewLine;
        }
        else
        {
            using var writer = new StringWriter();
            DisclosureView.Render(Terminal.Plain(writer), disclosure);
            text = writer.ToString();
        }
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"无法写入 --out 文件 {path} (cannot write): {e.Message}");
        }
    }

    /// <summary>Writes the file and says so (on stderr with --json, so stdout stays JSON).</summary>
    public static void WriteAndReport(string path, ConsolidatedDisclosure disclosure, bool json)
    {
        Write(path, disclosure);
        (json ? Terminal.Error : Terminal.Out).MarkupLine($"已写入 (written)：{Markup.Escape(Path.GetFullPath(path))}");
    }
}
