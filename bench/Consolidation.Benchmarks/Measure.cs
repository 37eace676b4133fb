using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Consolidation.Benchmarks;

/// <summary>Small helpers for timing: wall time, CPU time of this process, percentiles.</summary>
public static class Measure
{
    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU time of the calling thread (Linux: to the nanosecond); the process's CPU time elsewhere.</summary>
    public static TimeSpan ThreadCpu()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuClock, out var t) != 0) return Cpu();
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static long PeakWorkingSetBytes() => Process.GetCurrentProcess().PeakWorkingSet64;
}
