using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>
/// The consoles <c>fa</c> writes to. When a stream is redirected (a file, a pipe, a test capturing output) its console
/// emits no ANSI codes, has no trailing spaces at line ends and is so wide that nothing is hard-wrapped: a line of text
/// or a table row stays one line, as a program reading the output (or a pager, or an editor) expects; headings there
/// are rules of a fixed <see cref="PlainRuleWidth"/>.
/// </summary>
public static class Terminal
{
    /// <summary>
    /// Text for the terminal, as markup: control characters (an escape sequence, a bell, a carriage return, a
    /// backspace, C1 controls) and bidirectional overrides shown as \uXXXX, so that no file name, server message or
    /// caller text can move the cursor, clear the screen or disguise a line; then escaped as Spectre markup. Line
    /// breaks and tabs stay.
    /// </summary>
    public static string Escape(string? text) => Markup.Escape(Visible(text));

    /// <summary><see cref="Escape"/> without the markup escaping: for plain writes.</summary>
    public static string Visible(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(Hidden)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
            if (Hidden(c)) sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        return sb.ToString();
    }

    private static bool Hidden(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The width used whenever output does not go to a terminal: wide enough that nothing wraps.</summary>
    public const int PlainWidth = 100_000;

    /// <summary>The width of a heading rule in plain output.</summary>
    public const int PlainRuleWidth = 100;

    /// <summary>Whether a console is one of the plain ones (redirected output, --out files).</summary>
    public static bool IsPlain(IAnsiConsole console) => console.Profile.Width >= PlainWidth;

    /// <summary>Standard output: results.</summary>
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Standard error: errors and notes, so that <c>--json</c> leaves standard output to the JSON alone.</summary>
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>A console writing plain text (no ANSI, no wrapping) to <paramref name="writer"/>: for <c>--out</c> files.</summary>
    public static IAnsiConsole Plain(TextWriter writer) => Create(writer, plain: true);

    private static IAnsiConsole Create(TextWriter writer, bool plain)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(plain ? new TrimmingWriter(writer) : writer),
            // CI enrichers would change the width; plain output must look the same everywhere.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = !plain },
        });
        if (plain)
        {
            console.Profile.Width = PlainWidth;
            console.Profile.Capabilities.Unicode = true;
        }
        return console;
    }

    /// <summary>Escaped text, or a dash for an empty one.</summary>
    public static string Text(string? text) => string.IsNullOrEmpty(text) ? "—" : Escape(text);
}
