namespace Consolidation.Benchmarks;

/// <summary>The benchmarks, by name. Each one prints its figures; docs/benchmarks.md records what was measured.</summary>
public static class BenchmarkList
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<string[], int> Run)> All =
        new SortedDictionary<string, (string, Func<string[], int>)>
        {
            ["glossary"] = ("名词解释: median and p99 of one Define/Search over Part 4 + catalogues, per query kind", GlossaryBenchmark.Run),
            ["validate"] = ("CPU time of one 审核 of a realistic submission (seed, 教育局)", ValidateBenchmark.Run),
            ["consolidate"] = ("汇总 of 10,000 and 100,000 synthetic units through the server's application layer over LiteDB: read, run (stored), run read back, coverage; time and peak memory", ConsolidateBenchmark.Run),
            ["intake-stages"] = ("CPU per submission of each step from file to LiteDB (client and server stages, one thread)", IntakeStagesBenchmark.Run),
            ["pdf-read"] = ("CPU and wall time of reading one disclosure PDF into a submission, median and worst (--rounds N, FILE.pdf …)", PdfReadBenchmark.Run),
            ["deadline-day"] = ("load generator: N departments (2,000) each submitting, correcting, retrying within minutes, plus bureau reads; latency percentiles, failures (--departments N --window S)", DeadlineDayBenchmark.Run),
            ["plumbing"] = ("issue 18: fa batch end to end / the intake in process, fresh and warm server, JIT and ReadyToRun builds, CPU per process per submission, fa --help and first fa submit (--count N)", PlumbingBenchmark.Run),
            ["batch"] = ("fa batch of N synthetic departments end to end vs the same documents straight into LiteDB (--count N)", BatchBenchmark.Run),
        };
}
