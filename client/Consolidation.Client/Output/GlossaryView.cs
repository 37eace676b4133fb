using Consolidation.Client.Terms;
using Consolidation.Contracts;
using Spectre.Console;

namespace Consolidation.Client.Output;

/// <summary>
/// 名词解释: a term with its category, year, definition (and, for a term the source defines twice, which text is
/// current), codes, aliases and source; search hits with their snippet; the change record.
/// </summary>
public static class GlossaryView
{
    public static void Term(IAnsiConsole console, Term t, bool withSource = true)
    {
        var year = t.FiscalYear > 0 ? $" [grey]{t.FiscalYear} 年度[/]" : "";
        console.MarkupLine($"[bold]{Terminal.Escape(t.Name)}[/]{Category(t)}{year}{Matched(t)}");
        if (t.Texts.Count > 1)
        {
            // Defined more than once: every text, in printed order, the current one marked.
            var i = 0;
            foreach (var text in t.Texts)
                console.Numbered(2, $"{++i}.", (text.Current ? "[green]〔现行〕[/]" : "[grey]〔另一处释义，非现行〕[/]") + Terminal.Text(text.Text));
            console.Indented(2, $"[grey]此名词在来源中有 {t.Texts.Count} 段不同的释义，以第 {t.Texts.ToList().FindIndex(x => x.Current) + 1} 段为准（后印者为准）[/]");
        }
        else console.Indented(2, Terminal.Text(t.Definition));
        if (t.Codes.Count > 1)
        {
            console.Indented(2, $"[grey]科目编码（{t.Codes.Count} 个）：[/]");
            foreach (var c in t.Codes) console.Indented(4, $"{Terminal.Escape(c.Path)} [grey]（{Terminal.Escape(c.Classification)}{Terminal.Escape(c.Level)}）[/]");
        }
        else if (t.Codes.Count == 1)
            console.Indented(2, $"[grey]科目编码：[/]{Terminal.Escape(t.Codes[0].Path)} [grey]（{Terminal.Escape(t.Codes[0].Classification)}{Terminal.Escape(t.Codes[0].Level)}）[/]");
        if (t.Aliases.Count > 0) console.Indented(2, $"[grey]别名：{Terminal.Escape(string.Join("、", t.Aliases))}[/]");
        if (t.Years.Count > 1) console.Indented(2, $"[grey]有释义的年度：{string.Join("、", t.Years)}[/]");
        if (withSource && t.Source.Length > 0) console.Indented(2, $"[grey]来源：{Terminal.Escape(t.Source)}[/]");
    }

    public static void Hit(IAnsiConsole console, SearchHit hit, int number)
    {
        var t = hit.Term ?? new Term();
        console.MarkupLine($"{number,3}. [bold]{Terminal.Escape(t.Name)}[/]{Category(t)} [grey]{Labels.Name(hit.Match)}[/]");
        console.Indented(5, Terminal.Text(hit.Snippet));
    }

    /// <summary>One recorded change: number, kind, term, year, who, when, old and new text, why.</summary>
    public static void Change(IAnsiConsole console, TermChange c)
    {
        var kind = c.Kind == ChangeKind.Add ? "增补" : "更正";
        var at = Labels.LocalTime(c.ChangedAt); // the zone is said once, under the list
        console.MarkupLine($"#{c.Id} [bold]{kind}[/] {Terminal.Escape(c.Term)} [grey]{c.FiscalYear} 年度 · {Terminal.Escape(c.ChangedBy)} · {at}[/]");
        if (c.Kind == ChangeKind.Correct) console.Indented(2, "[grey]原释义：[/]" + Terminal.Text(c.OldDefinition.Length > 0 ? c.OldDefinition : "（无）"));
        console.Indented(2, "[grey]新释义：[/]" + Terminal.Text(c.NewDefinition));
        if (c.Reason.Length > 0) console.Indented(2, "[grey]说明：[/]" + Terminal.Text(c.Reason));
    }

    /// <summary>"名词解释" after findings: the definitions of the terms they mention.</summary>
    public static void Definitions(IAnsiConsole console, IReadOnlyList<Term> terms, IReadOnlyList<string> unknown)
    {
        console.WriteLine();
        if (terms.Count == 0 && unknown.Count == 0)
        {
            console.MarkupLine("[grey]审核结果未提及名词解释中的名词[/]");
            return;
        }
        console.MarkupLine("[bold]名词解释（审核结果提及的名词）[/]");
        foreach (var term in terms) Term(console, term, withSource: false);
        foreach (var name in unknown) console.MarkupLine($"[yellow]{Terminal.Escape(name)}：名词解释中暂无[/]");
    }

    private static string Category(Term t)
    {
        var categories = t.Categories.Count > 0 ? t.Categories.ToList() : [t.Category];
        categories.RemoveAll(c => c.Length == 0);
        return categories.Count > 0 ? $" [grey]〔{Terminal.Escape(string.Join(" · ", categories))}〕[/]" : "";
    }

    private static string Matched(Term t) =>
        t.MatchedAlias.Length > 0 ? $" [grey]（按别名“{Terminal.Escape(t.MatchedAlias)}”找到）[/]"
        : t.MatchedCode.Length > 0 ? $" [grey]（按科目编码 {Terminal.Escape(t.MatchedCode)} 找到）[/]"
        : "";
}
