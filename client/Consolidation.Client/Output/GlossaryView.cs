using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>名词解释: a term with its category, definition, other definitions and source; search hits with their snippet.</summary>
public static class GlossaryView
{
    public static void Term(IAnsiConsole console, Term t, bool withSource = true)
    {
        console.MarkupLine($"[bold]{Markup.Escape(t.Name)}[/]{Category(t.Category)}");
        console.Indented(2, Labels.Text(t.Definition));
        if (t.OtherDefinitions.Count > 0)
        {
            console.Indented(2, "[grey]其他释义：[/]");
            var i = 0;
            foreach (var other in t.OtherDefinitions)
                console.Numbered(4, $"{++i}.", Markup.Escape(other));
        }
        if (withSource && t.Source.Length > 0) console.Indented(2, $"[grey]来源：{Markup.Escape(t.Source)}[/]");
    }

    public static void Hit(IAnsiConsole console, SearchHit hit, int number)
    {
        var t = hit.Term ?? new Term();
        console.MarkupLine($"{number,3}. [bold]{Markup.Escape(t.Name)}[/]{Category(t.Category)} [grey]{Labels.Name(hit.Match)}[/]");
        console.Indented(5, Labels.Text(hit.Snippet));
    }

    private static string Category(string category) => category.Length > 0 ? $" [grey]〔{Markup.Escape(category)}〕[/]" : "";
}
