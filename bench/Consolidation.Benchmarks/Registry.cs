namespace Consolidation.Benchmarks;

/// <summary>The benchmarks, by name. Each one prints its figures; docs/benchmarks.md records what was measured.</summary>
public static class Registry
{
    public static readonly IReadOnlyDictionary<string, (string Description, Func<string[], int> Run)> All =
        new SortedDictionary<string, (string, Func<string[], int>)>
        {
            ["consolidate"] = ("汇总 of 1,000 and 10,000 synthetic departments vs reading them from LiteDB", ConsolidateBenchmark.Run),
        };
}
