using System.Diagnostics;

namespace Consolidation.Benchmarks;

/// <summary>Small helpers for timing: wall time, CPU time of this process, percentiles.</summary>
public static class Measure
{
    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static long PeakWorkingSetBytes() => Process.GetCurrentProcess().PeakWorkingSet64;
}
