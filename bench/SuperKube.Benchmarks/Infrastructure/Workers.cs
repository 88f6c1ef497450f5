namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>Small helpers the in-process benchmarks share.</summary>
internal static class Workers
{
    /// <summary>Runs <paramref name="body"/> for 0..count-1 on <paramref name="workers"/> concurrent loops.</summary>
    public static async Task ForAsync(int count, int workers, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        })));
    }

    /// <summary>The <paramref name="p"/> quantile (0..1) of sorted values, NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * p) - 1)];
}
