using System.Diagnostics;
using Consolidation.Client.Inputs.Pdf;

namespace Consolidation.Benchmarks;

/// <summary>
/// <c>pdf-read [--rounds N] [FILE.pdf …]</c>: CPU time (this thread) and wall time of reading one disclosure PDF into a
/// submission (<see cref="DisclosurePdf"/>: text layer, nine tables, 单位构成, narrative, the submission file's checks),
/// per document: median and worst over the rounds. Default document: the real Putuo disclosure (shared/real, 30 pages)
/// with samples/2024/registry.csv; a PDF given on the command line is read with the registry.csv beside it.
/// </summary>
public static class PdfReadBenchmark
{
    public static int Run(string[] args)
    {
        var rounds = 30;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
            if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[++i], out var n) && n > 0) rounds = n;
            else if (args[i].EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) files.Add(args[i]);
            else
            {
                Console.Error.WriteLine("usage: pdf-read [--rounds N] [FILE.pdf …]");
                return 2;
            }
        var root = RepoRoot();
        if (files.Count == 0) files.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "real", "putuo-planning-2024.pdf")));
        foreach (var file in files)
        {
            var registry = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "registry.csv");
            if (!File.Exists(registry)) registry = Path.Combine(root, "samples", "2024", "registry.csv");
            var options = new PdfImportOptions(registry);
            var first = Stopwatch.StartNew();
            var firstCpu = Measure.ThreadCpu();
            DisclosurePdf.Read(file, options);   // the first read: JIT and PdfPig's font tables
            var coldCpu = (Measure.ThreadCpu() - firstCpu).TotalMilliseconds;
            first.Stop();
            var cpu = new List<double>();
            var wall = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var c0 = Measure.ThreadCpu();
                var w = Stopwatch.StartNew();
                DisclosurePdf.Read(file, options);
                w.Stop();
                cpu.Add((Measure.ThreadCpu() - c0).TotalMilliseconds);
                wall.Add(w.Elapsed.TotalMilliseconds);
            }
            cpu.Sort();
            wall.Sort();
            Console.WriteLine($"{Path.GetFileName(file)}: first read {first.Elapsed.TotalMilliseconds:F0} ms wall, {coldCpu:F0} ms CPU; " +
                              $"then {rounds} reads: CPU median {Measure.Percentile(cpu, 50):F1} ms, worst {cpu[^1]:F1} ms; " +
                              $"wall median {Measure.Percentile(wall, 50):F1} ms, worst {wall[^1]:F1} ms");
        }
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Consolidation.sln not found above " + AppContext.BaseDirectory);
    }
}
