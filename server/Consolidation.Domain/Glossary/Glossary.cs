namespace Consolidation.Domain.Glossary;

/// <summary>
/// 名词解释: looks terms up forgiving how they are typed, searches names and definitions (ranked: exact, term prefix,
/// term contains, definition contains) and lists them by category a page at a time.
/// </summary>
public sealed class Glossary
{
    private readonly List<GlossaryTerm> _terms;
    private readonly List<(string Key, string Definition, GlossaryTerm Term)> _index;

    public Glossary(IEnumerable<GlossaryTerm> terms)
    {
        _terms = terms.ToList();
        _index = _terms.Select(t => (TermText.Normalize(t.Name), TermText.Normalize(t.Definition), t)).ToList();
    }

    public IReadOnlyList<GlossaryTerm> Terms => _terms;

    public GlossaryTerm? Define(string term)
    {
        var key = TermText.Normalize(term);
        return key.Length == 0 ? null : _index.FirstOrDefault(e => e.Key == key).Term;
    }

    /// <summary>The terms nearest to an unknown one (edit distance on the normal form), best first.</summary>
    public IReadOnlyList<string> Suggest(string term, int count = 3)
    {
        var key = TermText.Normalize(term);
        return _index
            .Select(e => (e.Term.Name, Distance: EditDistance(key, e.Key) - (e.Key.Contains(key) || key.Contains(e.Key) ? 100 : 0)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.Name).ToList();
    }

    public IReadOnlyList<GlossaryHit> Search(string query, int limit = 20)
    {
        var key = TermText.Normalize(query);
        if (key.Length == 0) return [];
        var hits = new List<(GlossaryHit Hit, int Order)>();
        for (var i = 0; i < _index.Count; i++)
        {
            var (name, definition, term) = _index[i];
            MatchKind? kind = name == key ? MatchKind.Exact
                : name.StartsWith(key, StringComparison.Ordinal) ? MatchKind.TermPrefix
                : name.Contains(key, StringComparison.Ordinal) ? MatchKind.TermContains
                : definition.Contains(key, StringComparison.Ordinal) ? MatchKind.DefinitionContains
                : null;
            if (kind is null) continue;
            var snippet = kind == MatchKind.DefinitionContains ? Snippet(term.Definition, query) : Snippet(term.Name, query);
            hits.Add((new GlossaryHit(term, kind.Value, snippet), i));
        }
        return hits.OrderBy(h => h.Hit.Match).ThenBy(h => h.Order).Take(limit).Select(h => h.Hit).ToList();
    }

    public (IReadOnlyList<GlossaryTerm> Page, int Total) List(string? category, int offset, int count)
    {
        var all = string.IsNullOrEmpty(category) ? _terms : _terms.Where(t => t.Category == category).ToList();
        return (all.Skip(offset).Take(count).ToList(), all.Count);
    }

    /// <summary>The matching part of <paramref name="text"/> with up to 12 characters either side, the match in 【】.</summary>
    private static string Snippet(string text, string query)
    {
        // Find the match in the original text by normalising prefixes, so brackets and quotes in the text survive.
        var key = TermText.Normalize(query);
        for (var start = 0; start < text.Length; start++)
        {
            if (!TermText.Normalize(text[start..]).StartsWith(key, StringComparison.Ordinal)) continue;
            var end = start + 1;
            while (end <= text.Length && TermText.Normalize(text[start..end]).Length < key.Length) end++;
            end = Math.Min(end, text.Length);
            var from = Math.Max(0, start - 12);
            var to = Math.Min(text.Length, end + 12);
            return (from > 0 ? "…" : "") + text[from..start] + "【" + text[start..end] + "】" + text[end..to] + (to < text.Length ? "…" : "");
        }
        return text.Length > 30 ? text[..30] + "…" : text;
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
