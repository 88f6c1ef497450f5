namespace SuperKube.Controllers.Apps;

/// <summary>
/// Upstream's slow-start batching: run 1, then 2, 4, 8, ... calls in parallel, stopping after the first batch with a
/// failure, so a systematic error (quota, invalid template) costs a handful of calls rather than hundreds.
/// </summary>
internal static class SlowStart
{
    /// <summary>Runs <paramref name="action"/> up to <paramref name="count"/> times; returns how many succeeded and the first error.</summary>
    public static async Task<(int Succeeded, Exception? Error)> RunAsync(int count, int initialBatch, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var remaining = count;
        var succeeded = 0;
        for (var batch = Math.Min(remaining, initialBatch); batch > 0; batch = Math.Min(2 * batch, remaining))
        {
            var tasks = new Task[batch];
            for (var i = 0; i < batch; i++)
            {
                tasks[i] = action(cancellationToken);
            }

            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (Exception) when (tasks.Any(t => t.IsFaulted))
            {
                var failed = tasks.Where(t => t.IsFaulted).ToList();
                return (succeeded + batch - failed.Count, failed[0].Exception!.InnerException); // faulted tasks carry an exception
            }

            succeeded += batch;
            remaining -= batch;
        }

        return (succeeded, null);
    }
}
