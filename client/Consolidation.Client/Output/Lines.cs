using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>
/// Indented and numbered lines that wrap inside their indent: long Chinese text (no spaces to break at) would otherwise
/// jump to a fresh, unindented line.
/// </summary>
public static class Lines
{
    public static void Indented(this IAnsiConsole console, int indent, string markup) =>
        console.Write(new Padder(new Markup(markup), new Padding(indent, 0, 0, 0)) { Expand = false });

    /// <summary>"  1. text…" with the text wrapping under itself, not under the number.</summary>
    public static void Numbered(this IAnsiConsole console, int indent, string label, string markup)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadLeft(indent).PadRight(1));
        grid.AddColumn(new GridColumn().PadRight(0));
        grid.AddRow(new Markup(label), new Markup(markup));
        console.Write(grid);
    }

    /// <summary>A heading rule, left-justified: full width on a terminal, <see cref="Terminal.PlainRuleWidth"/> in plain output.</summary>
    public static void Heading(this IAnsiConsole console, string markup)
    {
        var rule = new Rule(markup).LeftJustified();
        if (!Terminal.IsPlain(console)) console.Write(rule);
        else
        {
            var grid = new Grid();
            grid.AddColumn(new GridColumn().Width(Terminal.PlainRuleWidth).PadLeft(0).PadRight(0));
            grid.AddRow(rule);
            console.Write(grid);
        }
    }
}
