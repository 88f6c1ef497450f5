namespace SuperKube.Benchmarks;

/// <summary>The size of a scheduler benchmark run.</summary>
internal sealed record SchedulerBenchmarkSettings(int Nodes, int Pods, int Parallelism);
