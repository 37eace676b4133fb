namespace Consolidation.Domain.Glossary;

/// <summary>
/// 名词解释: every term with its versions by fiscal year. Looks terms up forgiving how they are typed (the normal form of
/// <see cref="TermText"/>, aliases, classification codes), searches names, aliases, codes and definitions (ranked:
/// exact, term prefix, term contains, definition contains), lists by category a page at a time, finds the terms a text
/// mentions. Immutable: <see cref="Apply"/> gives a new glossary with one change made.
/// </summary>
public sealed class Glossary
{
    public static readonly IReadOnlyList<string> KnownCategories = ["收入", "支出", "功能分类", "经济分类", "三公", "其他"];

    private readonly List<Indexed> _entries;
    private readonly Dictionary<string, (int Entry, string Alias)> _byKey = new();
    private readonly Dictionary<string, int> _byCode = new();
    private readonly Dictionary<string, (int Entry, string Alias)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _longestKey;
    /// <summary>Per first two characters of any key, the longest key that starts with them: where a term can start in a text.</summary>
    private readonly Dictionary<(char, char), int> _longestByPrefix;

    public Glossary(IEnumerable<GlossaryTerm> terms) : this(terms.Select(t => new GlossaryEntry(
        t.Name, t.Categories.Count > 0 ? t.Categories : [t.Category],
        [new TermVersion(t.FiscalYear, t.Definition, t.OtherDefinitions, t.Source)], t.Codes, t.Aliases)))
    {
    }

    public Glossary(IEnumerable<GlossaryEntry> entries)
    {
        _entries = entries.Select(e => new Indexed(e)).ToList();
        for (var i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            if (!_byKey.TryAdd(e.Name.Key, (i, "")))
                throw new ArgumentException($"名词“{e.Entry.Name}”出现了两次", nameof(entries));
            foreach (var c in e.Entry.Codes) _byCode.TryAdd(c.Code, i);
        }
        for (var i = 0; i < _entries.Count; i++)
            foreach (var a in _entries[i].Aliases)
                if (!_byKey.TryAdd(a.Key, (i, a.Original)) && _byKey[a.Key].Entry != i)
                    throw new ArgumentException($"别名“{a.Original}”与名词“{_entries[_byKey[a.Key].Entry].Entry.Name}”重复", nameof(entries));
        _bySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestKey = _byKey.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        _longestByPrefix = _byKey.Keys.Where(k => k.Length >= 2).GroupBy(k => (k[0], k[1])).ToDictionary(g => g.Key, g => g.Max(k => k.Length));
    }

    public IReadOnlyList<GlossaryEntry> Entries => _entries.Select(e => e.Entry).ToList();

    /// <summary>Every term as it reads in its latest version, in glossary order.</summary>
    public IReadOnlyList<GlossaryTerm> Terms => _entries.Select(e => e.Entry.At(e.Entry.Versions[^1])).ToList();

    /// <summary>The entry a name, alias or classification code designates (any year); null when none.</summary>
    public GlossaryEntry? Find(string term) => Locate(term) is { } hit ? _entries[hit.Entry].Entry : null;

    /// <summary>The term as it reads in a fiscal year (0 = its latest version); null when unknown or without a text that year.</summary>
    public GlossaryTerm? Define(string term, int fiscalYear = 0)
    {
        if (Locate(term) is not { } hit) return null;
        var entry = _entries[hit.Entry].Entry;
        var version = entry.VersionAt(fiscalYear);
        return version is null ? null : entry.At(version) with { MatchedAlias = hit.Alias, MatchedCode = hit.Code };
    }

    private (int Entry, string Alias, string Code)? Locate(string term)
    {
        var key = TermText.Normalize(term);
        if (key.Length == 0) return null;
        if (_byKey.TryGetValue(key, out var named)) return (named.Entry, named.Alias, "");
        if (_byCode.TryGetValue(key, out var coded)) return (coded, "", key);
        return null;
    }

    /// <summary>The terms nearest to an unknown one (edit distance on the normal form; a name containing it or contained in it first), best first.</summary>
    public IReadOnlyList<string> Suggest(string term, int count = 3)
    {
        var key = TermText.Normalize(term);
        if (key.Length > 0 && key.All(char.IsAsciiDigit))
            return _byCode.Keys
                .Select(code => (Code: code, Score: -CommonPrefix(code, key) * 10 + Math.Abs(code.Length - key.Length)))
                .OrderBy(x => x.Score).ThenBy(x => x.Code, StringComparer.Ordinal).Take(count)
                .Select(x => $"{x.Code} {Name(x.Code)}").ToList();
        // Best distance per entry over its name and aliases, then the nearest entries: no allocation per key.
        var best = new int[_entries.Count];
        Array.Fill(best, int.MaxValue);
        Span<int> buffer = stackalloc int[2 * (_longestKey + 1)];
        foreach (var (k, hit) in _byKey)
        {
            var contains = key.Length > 0 && (k.Contains(key, StringComparison.Ordinal) || key.Contains(k, StringComparison.Ordinal));
            var distance = EditDistance(key, k, buffer) - (contains ? 100 : 0);
            if (distance < best[hit.Entry]) best[hit.Entry] = distance;
        }
        return Enumerable.Range(0, _entries.Count)
            .OrderBy(i => best[i]).ThenBy(i => _entries[i].Entry.Name, StringComparer.Ordinal)
            .Take(count).Select(i => _entries[i].Entry.Name).ToList();
    }

    private string Name(string code)
    {
        var entry = _entries[_byCode[code]].Entry;
        return entry.Codes.First(c => c.Code == code).Path[(code.Length + 1)..].Split(" > ")[^1];
    }

    /// <summary>
    /// Terms whose name, alias, code or definition (of the fiscal year; 0 = latest) contains the query, best first: exact
    /// term (or alias, or code), then term prefix, then term contains, then definition contains; in glossary order within each.
    /// </summary>
    public IReadOnlyList<GlossaryHit> Search(string query, int limit = 20, int fiscalYear = 0)
    {
        var key = TermText.Normalize(query);
        if (key.Length == 0 || limit <= 0) return [];
        var hits = new List<(GlossaryHit Hit, int Order)>();
        for (var i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            var version = e.Entry.VersionAt(fiscalYear);
            if (version is null) continue;
            if (e.Match(key, version) is not var (kind, snippet)) continue;
            hits.Add((new GlossaryHit(e.Entry.At(version), kind, snippet), i));
        }
        return hits.OrderBy(h => h.Hit.Match).ThenBy(h => h.Order).Take(limit).Select(h => h.Hit).ToList();
    }

    /// <summary>The terms of a category (empty = all) that have a text in the fiscal year (0 = latest), one page, and how many there are.</summary>
    public (IReadOnlyList<GlossaryTerm> Page, int Total) List(string? category, int offset, int count, int fiscalYear = 0)
    {
        var all = _entries.Select(e => (e.Entry, Version: e.Entry.VersionAt(fiscalYear)))
            .Where(x => x.Version is not null && (string.IsNullOrEmpty(category) || x.Entry.Categories.Contains(category)))
            .ToList();
        return (all.Skip(Math.Max(0, offset)).Take(Math.Max(0, count)).Select(x => x.Entry.At(x.Version!)).ToList(), all.Count);
    }

    /// <summary>
    /// The terms a text mentions by name or alias (the longest name at each place: 机关运行经费, not 运行), in order of first
    /// mention, as they read in the fiscal year (0 = latest). For findings and the consolidated disclosure's 名词解释.
    /// </summary>
    public IReadOnlyList<GlossaryTerm> TermsMentionedIn(string text, int fiscalYear = 0)
    {
        var key = TermText.Normalize(text);
        var seen = new HashSet<int>();
        var found = new List<GlossaryTerm>();
        for (var i = 0; i < key.Length;)
        {
            var matched = 0;
            // Only where some key starts with these two characters, and no longer than the longest such key.
            var longest = i + 1 < key.Length && _longestByPrefix.TryGetValue((key[i], key[i + 1]), out var l) ? l : 0;
            for (var length = Math.Min(longest, key.Length - i); length >= 2; length--)
            {
                if (!_bySpan.TryGetValue(key.AsSpan(i, length), out var hit)) continue;
                matched = length;
                var entry = _entries[hit.Entry].Entry;
                if (seen.Add(hit.Entry) && entry.VersionAt(fiscalYear) is { } version) found.Add(entry.At(version));
                break;
            }
            i += Math.Max(1, matched);
        }
        return found;
    }

    /// <summary>
    /// Makes one change: 增补 a new term (from its fiscal year on) or 更正 a term's text for a fiscal year (0 = the year of
    /// its latest version; a year without a version of its own gets a new version from that year on). Gives the new
    /// glossary and the change as recorded (the old text, the term's printed name, the year). Refuses with
    /// <see cref="GlossaryEditException"/>.
    /// </summary>
    public (Glossary Glossary, GlossaryChange Recorded) Apply(GlossaryChange change)
    {
        var name = change.Term.Trim().Trim('\u3000').Trim();
        var text = change.NewDefinition.Trim();
        if (TermText.Normalize(name).Length == 0) throw new GlossaryEditException(GlossaryEditError.Invalid, "缺少名词", "term");
        if (text.Length == 0) throw new GlossaryEditException(GlossaryEditError.Invalid, "缺少释义", "definition");
        if (change.FiscalYear is < 0 or > 9999 || change.FiscalYear is > 0 and < 1949)
            throw new GlossaryEditException(GlossaryEditError.Invalid, $"年度 {change.FiscalYear} 无效", "fiscal_year");
        if (change.Category.Length > 0 && !KnownCategories.Contains(change.Category))
            throw new GlossaryEditException(GlossaryEditError.Invalid,
                $"类别“{change.Category}”无效，应为 {string.Join(" / ", KnownCategories)}", "category");
        var by = change.By.Trim().Length > 0 ? change.By.Trim() : "财政局";
        var entries = _entries.Select(e => e.Entry).ToList();
        var existing = Locate(name);
        if (change.Kind == ChangeKind.Add)
        {
            if (existing is { } hit)
                throw new GlossaryEditException(GlossaryEditError.TermExists,
                    $"名词解释中已有名词 {entries[hit.Entry].Name}，请用更正（correct）修改它的释义");
            if (change.FiscalYear == 0) throw new GlossaryEditException(GlossaryEditError.Invalid, "增补名词须指明从哪个年度起适用", "fiscal_year");
            var category = change.Category.Length > 0 ? change.Category : GlossaryParser.CategoryOf(name);
            entries.Add(new GlossaryEntry(name, [category],
                [new TermVersion(change.FiscalYear, text, [], $"财政局增补（{by}，{change.At:yyyy-MM-dd}）")], [], [], change.FiscalYear));
            return (new Glossary(entries), change with { Term = name, NewDefinition = text, OldDefinition = "", Category = category, By = by });
        }
        if (existing is not { } found)
            throw new GlossaryEditException(GlossaryEditError.UnknownTerm,
                $"名词解释中没有“{name}”。相近的名词：{string.Join("、", Suggest(name))}");
        var entry = entries[found.Entry];
        var year = change.FiscalYear > 0 ? change.FiscalYear : entry.Versions[^1].FiscalYear;
        if (year < entry.ExistsFrom)
            throw new GlossaryEditException(GlossaryEditError.Invalid, $"“{entry.Name}”自 {entry.ExistsFrom} 年度起才有，不能更正 {year} 年度的释义", "fiscal_year");
        var before = entry.VersionAt(year);
        if (before is not null && before.Definition == text)
            throw new GlossaryEditException(GlossaryEditError.Unchanged, $"“{entry.Name}”{year} 年度的释义已是这段文字，未作更改");
        var source = $"财政局更正（{by}，{change.At:yyyy-MM-dd}）";
        var versions = entry.Versions.ToList();
        var same = versions.FindIndex(v => v.FiscalYear == year);
        if (same >= 0) versions[same] = versions[same] with { Definition = text, Source = source };
        else
        {
            versions.Add(new TermVersion(year, text, [], source));
            versions.Sort((a, b) => a.FiscalYear.CompareTo(b.FiscalYear));
        }
        entries[found.Entry] = entry with { Versions = versions };
        return (new Glossary(entries), change with
        {
            Term = entry.Name, FiscalYear = year, OldDefinition = before?.Definition ?? "", NewDefinition = text, Category = "", By = by,
        });
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>Levenshtein distance, in two rows of <paramref name="buffer"/> (at least 2 × (|b| + 1)).</summary>
    private static int EditDistance(string a, string b, Span<int> buffer)
    {
        var prev = buffer[..(b.Length + 1)];
        var cur = buffer.Slice(b.Length + 1, b.Length + 1);
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            var swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.Length];
    }

    /// <summary>A text with its normal form and, per normal-form character, where it comes from in the text.</summary>
    private sealed record Folded(string Original, string Key, int[] Origin)
    {
        public static Folded Of(string text) => new(text, TermText.Normalize(text, out var origin), origin);

        /// <summary>The matching part with up to <paramref name="context"/> characters either side, the match in 【】.</summary>
        public string Snippet(int at, int length, int context = 12)
        {
            var start = Origin[at];
            var end = Origin[at + length - 1] + 1;
            var from = Math.Max(0, start - context);
            var to = (int)Math.Min(Original.Length, (long)end + context);
            return (from > 0 ? "…" : "") + Original[from..start] + "【" + Original[start..end] + "】" + Original[end..to] + (to < Original.Length ? "…" : "");
        }
    }

    /// <summary>An entry with the normal forms of its name, aliases, codes and every text of every version, computed once.</summary>
    private sealed class Indexed
    {
        private readonly Dictionary<TermVersion, Folded[]> _texts = new(ReferenceEqualityComparer.Instance);

        public Indexed(GlossaryEntry entry)
        {
            Entry = entry;
            Name = Folded.Of(entry.Name);
            Aliases = entry.Aliases.Select(Folded.Of).ToList();
            Names = [Name, .. Aliases];
            Codes = entry.Codes.Select(c => Folded.Of(c.Path)).ToList();
            foreach (var v in entry.Versions) _texts[v] = [Folded.Of(v.Definition), .. v.OtherDefinitions.Select(Folded.Of)];
        }

        public GlossaryEntry Entry { get; }
        public Folded Name { get; }
        public IReadOnlyList<Folded> Aliases { get; }
        private Folded[] Names { get; }
        public IReadOnlyList<Folded> Codes { get; }

        /// <summary>The best way this entry matches a normal-form query, with its snippet; null when it does not.</summary>
        public (MatchKind Kind, string Snippet)? Match(string key, TermVersion version)
        {
            (MatchKind Kind, string Snippet)? best = null;
            void Consider(MatchKind kind, Folded text, int at, int context = 12)
            {
                if (best is null || kind < best.Value.Kind) best = (kind, text.Snippet(at, key.Length, context));
            }
            foreach (var name in Names)
            {
                if (name.Key == key) { Consider(MatchKind.Exact, name, 0); break; }
                if (name.Key.StartsWith(key, StringComparison.Ordinal)) Consider(MatchKind.TermPrefix, name, 0);
                else if (name.Key.IndexOf(key, StringComparison.Ordinal) is var at and >= 0) Consider(MatchKind.TermContains, name, at);
            }
            if (best?.Kind == MatchKind.Exact) return best;
            for (var i = 0; i < Codes.Count; i++)
            {
                var code = Entry.Codes[i].Code;
                // A code's snippet is its whole path: "【20103】01 一般公共服务支出 > 政府办公厅（室）及相关机构事务 > 行政运行".
                if (code == key) { Consider(MatchKind.Exact, Codes[i], 0, int.MaxValue); return best; }
                if (code.StartsWith(key, StringComparison.Ordinal)) Consider(MatchKind.TermPrefix, Codes[i], 0, int.MaxValue);
            }
            if (best is not null) return best;
            foreach (var text in _texts[version])
                if (text.Key.IndexOf(key, StringComparison.Ordinal) is var at and >= 0)
                {
                    Consider(MatchKind.DefinitionContains, text, at);
                    break;
                }
            return best;
        }
    }
}
