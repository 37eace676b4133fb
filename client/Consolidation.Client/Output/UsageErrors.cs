using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Consolidation.Client.Output;

/// <summary>
/// Spectre.Console.Cli's parse errors, said in Chinese: its message ("Unknown command 'x'.") and the hint under the
/// caret of its pretty rendering ("Did you mean 'list'?") are translated; the echoed command line and the caret are
/// kept. A message this table does not know is shown as it is, after the Chinese “参数有误”.
/// </summary>
public static partial class UsageErrors
{
    private static readonly (Regex English, string Chinese)[] Messages =
    [
        (new(@"^Unknown command '(.+)'\.?$"), "没有“$1”这个命令；fa help 列出全部命令"),
        (new(@"^Unknown option '(.+)'\.?$"), "没有“--$1”这个选项；fa help 命令 列出它的选项"),
        (new(@"^Unexpected option '(.+)'\.?$"), "这里不能用选项“--$1”"),
        (new(@"^Could not match '(.+)' with an argument\.?$"), "多余的参数“$1”"),
        (new(@"^Option '(.+)' is defined but no value has been provided\.?$"), "选项“--$1”缺少取值"),
        (new(@"^Command '(.+)' is missing required argument '(.+)'\.?$"), "命令“$1”缺少参数 $2"),
        (new(@"^Flags cannot be assigned a value\.?$"), "开关选项不带取值"),
        (new(@"^Failed to convert '(.*)' to (?:Int32|Int64|Int16|Byte|UInt32)\.?$"), "“$1”不是整数"),
        (new(@"^Failed to convert '(.*)' to (?:Decimal|Double|Single)\.?$"), "“$1”不是数字"),
        (new(@"^Failed to convert '(.*)' to Boolean\.?$"), "“$1”应为 true 或 false"),
        (new(@"^Failed to convert '(.*)' to (.+?)\.?$"), "“$1”不是有效的取值（应为 $2）"),
        (new(@"^Option '(.+)' is not a flag\.?$"), "选项“--$1”须带取值"),
        (new(@"^Expected an option value\.?$"), "缺少选项的取值"),
        (new(@"^Unterminated quote\.?$"), "引号没有闭合"),
    ];

    private static readonly (Regex English, string Chinese)[] Hints =
    [
        (new(@"Did you mean '(.+)'\?"), "是不是要用“$1”？"),
        (new(@"No such command"), "没有这个命令"),
        (new(@"Unknown option"), "没有这个选项"),
        (new(@"No value provided"), "缺少取值"),
        (new(@"Could not match to argument"), "多余的参数"),
        (new(@"Can't assign value"), "此选项不带取值"),
        (new(@"Did you forget the command\?"), "缺少命令"),
        (new(@"Unexpected option"), "这里不能用此选项"),
        (new(@"Invalid option name"), "选项名无效"),
    ];

    /// <summary>The arguments fa was run with, to name the option whose value is missing.</summary>
    public static IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>The message in Chinese; null when it is not one of Spectre's (then it is already ours, e.g. a Validate()).</summary>
    public static string? Translate(string message)
    {
        // Spectre's strict parsing reports an option left without its value at the end as a failed conversion of an
        // internal name: say which option it is.
        if (message.Contains("__default_command", StringComparison.Ordinal))
            return Arguments.LastOrDefault(a => a.StartsWith('-')) is { } option ? $"选项“{option}”缺少取值" : "有选项缺少取值";
        foreach (var (english, chinese) in Messages)
            if (english.IsMatch(message)) return english.Replace(message, chinese);
        return null;
    }

    /// <summary>Prints a Spectre parse or validation error on standard error, in Chinese.</summary>
    public static void Print(CommandAppException e)
    {
        var console = Terminal.Error;
        var message = e.Message.Trim();
        var chinese = Translate(message);
        console.MarkupLine($"[red]参数有误：[/]{Terminal.Escape(chinese ?? message)}");
        if (e.Pretty is null) return;
        // The pretty rendering: "Error: …", then the command line echoed and a caret line with a hint.
        var text = Render(e.Pretty);
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length == 0 || line.TrimStart().StartsWith("Error:", StringComparison.Ordinal)) continue;
            var translated = line;
            var caret = line.IndexOf('^');
            if (caret >= 0)
            {
                var end = caret;
                while (end < line.Length && line[end] == '^') end++;
                var hint = line[end..].Trim();
                var hintChinese = Hints.FirstOrDefault(h => h.English.IsMatch(hint)) is { English: not null } h ? h.English.Replace(hint, h.Chinese) : "";
                translated = line[..end] + (hintChinese.Length > 0 ? " " + hintChinese : "");
            }
            console.WriteLine(translated);
        }
    }

    private static string Render(IRenderable renderable)
    {
        var writer = new StringWriter();
        Terminal.Plain(writer).Write(renderable);
        return writer.ToString();
    }
}
