namespace SuperKube.Scheduling.Framework;

/// <summary>Runs a loop body over index ranges on up to <c>parallelism</c> threads; small loops run inline.</summary>
internal static class Parallelizer
{
    private const int MinPerChunk = 32;

    public static void For(int count, int parallelism, Action<int, int> body)
    {
        var chunks = Math.Min(parallelism, count / MinPerChunk);
        if (chunks <= 1)
        {
            body(0, count);
            return;
        }

        var size = (count + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, chunk =>
        {
            var start = chunk * size;
            body(start, Math.Min(count, start + size));
        });
    }
}
