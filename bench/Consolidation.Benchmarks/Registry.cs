namespace Consolidation.Benchmarks;

/// <summary>The benchmarks, by name. Each one prints its figures; docs/benchmarks.md records what was measured.</summary>
public static class Registry
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<string[], int> Run)> All =
        new SortedDictionary<string, (string, Func<string[], int>)>
        {
            ["batch"] = ("fa batch of N synthetic departments end to end vs the same documents straight into LiteDB (--count N)", BatchBenchmark.Run),
        };
}
