using System.Globalization;

namespace SuperKube.Benchmarks;

/// <summary>The figures of one workload run.</summary>
internal sealed record SchedulerBenchmarkResult(
    string Workload, int Pods, TimeSpan Elapsed, double P50Ms, double P99Ms, int Gen2Collections, TimeSpan Cpu, TimeSpan Cycle, long Attempts)
{
    public double PodsPerSecond => Pods / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Workload,-26} {Pods} pods in {Elapsed.TotalSeconds:F2}s = {PodsPerSecond:F0} pods/s; attempt-to-bound p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms; " +
        $"loop {Cycle.TotalMilliseconds:F3} ms/attempt ({Attempts} attempts); CPU {Cpu.TotalMilliseconds / Pods:F2} ms/pod; gen2 GCs {Gen2Collections}");
}
