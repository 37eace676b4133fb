using Consolidation.Benchmarks;

// dotnet run -c Release --project bench/Consolidation.Benchmarks -- NAME [options]
if (args.Length == 0 || !BenchmarkList.All.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: Consolidation.Benchmarks NAME [options]");
    foreach (var (name, (description, _)) in BenchmarkList.All) Console.Error.WriteLine($"  {name,-16} {description}");
    return 2;
}
return benchmark.Run(args[1..]);
