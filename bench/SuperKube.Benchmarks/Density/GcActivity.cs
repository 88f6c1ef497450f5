namespace SuperKube.Benchmarks.Density;

/// <summary>The process's garbage collector counters at one moment; subtract two to get the activity in between.</summary>
internal readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
{
    public static GcActivity Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcActivity operator -(GcActivity after, GcActivity before) => new(
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Pause - before.Pause, after.Allocated - before.Allocated);

    /// <summary>"412 / 96 / 7, 1.9 s (6 % of 31 s), 180 KiB".</summary>
    public string Describe(TimeSpan elapsed, int pods) =>
        $"{Gen0} / {Gen1} / {Gen2}, {Pause.TotalSeconds:F1} s ({Pause / elapsed:P0} of {elapsed.TotalSeconds:F0} s), {Allocated / 1024.0 / pods:F0} KiB";
}
