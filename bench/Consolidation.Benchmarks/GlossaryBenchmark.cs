using System.Diagnostics;
using Consolidation.Domain.Classification;
using Consolidation.Domain.Glossary;

namespace Consolidation.Benchmarks;

/// <summary>
/// <c>glossary [--samples N]</c>: the latency of one lookup over the whole glossary (the seed's Part 4 + the
/// classification catalogues + aliases), per query kind: Define by printed name, by a name typed loosely (quotes,
/// widths, spaces, traditional characters), by alias, by code, an unknown term with its suggestions (the NOT_FOUND
/// path), Search by term prefix, by definition text, by code prefix, with no match, and TermsMentionedIn of a finding's
/// message. Each call is timed alone; median and p99 in microseconds.
/// </summary>
public static class GlossaryBenchmark
{
    public static int Run(string[] args)
    {
        var samples = 20_000;
        for (var i = 0; i < args.Length; i++)
            if (args[i] == "--samples" && i + 1 < args.Length && int.TryParse(args[++i], out var n) && n > 0) samples = n;
            else
            {
                Console.Error.WriteLine("usage: glossary [--samples N]");
                return 2;
            }

        var seed = File.ReadAllText(Path.Combine(RepoRoot(), "server", "Consolidation.Server", "Data", "yueyang-port-office-2023.txt"));
        var build = Stopwatch.StartNew();
        var glossary = GlossaryComposer.Compose(GlossaryParser.ParsePart4(seed, "seed"), 2023, ClassificationCatalogue.Default, TermAliases.Default);
        build.Stop();

        var terms = glossary.Terms;
        var names = terms.Select(t => t.Name).ToList();
        var codes = terms.SelectMany(t => t.Codes).Select(c => c.Code).ToList();
        var aliases = terms.SelectMany(t => t.Aliases).ToList();
        var traditional = ChineseScript.TraditionalCharacters.GroupBy(ChineseScript.ToSimplified).ToDictionary(g => g.Key, g => g.First());
        var loose = names.Select(n => "  " + new string(n.Select(c => traditional.GetValueOrDefault(c, c)).ToArray()).Replace('“', '"').Replace('”', '"')
            .Replace('（', '(').Replace('）', ')') + "\u3000").ToList();
        var unknown = names.Select(n => n.Length > 2 ? n[..^1] + "某" : n + "某").ToList();
        var prefixes = names.Select(n => n.TrimStart('“')[..Math.Min(2, n.TrimStart('“').Length)]).ToList();
        var definitionParts = terms.Select(t => t.Definition.Length > 12 ? t.Definition.Substring(t.Definition.Length / 2, 4) : t.Definition).ToList();
        var codePrefixes = codes.Select(c => c[..3]).ToList();
        const string message = "T5 一般公共预算财政拨款支出决算表「2010301 行政运行」行「基本支出」列：按「合计 = 基本支出 + 项目支出」应为 379.03 万元，实为 300.00 万元；机关运行经费与“三公”经费请一并核对。";

        Console.WriteLine($"glossary: {terms.Count} terms ({aliases.Count} aliases, {codes.Count} codes), built in {build.Elapsed.TotalMilliseconds:F1} ms; {samples} timed calls per kind");
        Console.WriteLine($"{"query kind",-34} {"median µs",10} {"p99 µs",10} {"mean µs",10} {"hits",8} {"gen0 GCs",9} {"cpu/wall",9}");
        Report("Define: printed name", names, q => glossary.Define(q) is not null, samples);
        Report("Define: typed loosely (\"\" () 繁 空格)", loose, q => glossary.Define(q) is not null, samples);
        Report("Define: alias", aliases, q => glossary.Define(q) is not null, samples);
        Report("Define: classification code", codes, q => glossary.Define(q) is not null, samples);
        Report("Define: unknown → Suggest (NOT_FOUND)", unknown, q => glossary.Define(q) is null && glossary.Suggest(q).Count > 0, samples);
        Report("Search: term prefix (2 chars)", prefixes, q => glossary.Search(q).Count > 0, samples);
        Report("Search: definition text (4 chars)", definitionParts, q => glossary.Search(q).Count > 0, samples);
        Report("Search: code prefix (3 digits)", codePrefixes, q => glossary.Search(q).Count > 0, samples);
        Report("Search: no match", ["量子计算", "区块链", "人工智能"], q => glossary.Search(q).Count > 0, samples);
        Report("TermsMentionedIn: a finding message", [message], q => glossary.TermsMentionedIn(q).Count > 0, samples);
        return 0;
    }

    private static void Report(string kind, IReadOnlyList<string> queries, Func<string, bool> lookup, int samples)
    {
        for (var i = 0; i < Math.Min(samples, 2_000); i++) lookup(queries[i % queries.Count]); // warm up (JIT, tiering)
        var times = new double[samples];
        var hits = 0;
        var gcs = GC.CollectionCount(0);
        var cpu = Measure.Cpu();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (lookup(queries[i % queries.Count])) hits++;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        wall.Stop();
        // cpu/wall well under 1 means the process was waiting for a core: the p99 then measures the machine's load.
        var cpuShare = (Measure.Cpu() - cpu) / wall.Elapsed;
        gcs = GC.CollectionCount(0) - gcs;
        Array.Sort(times);
        Console.WriteLine($"{kind,-34} {Measure.Percentile(times, 50),10:F2} {Measure.Percentile(times, 99),10:F2} {times.Average(),10:F2} {hits * 100.0 / samples,7:F0}% {gcs,9} {cpuShare,9:F2}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Consolidation.sln not found above " + AppContext.BaseDirectory);
    }
}
