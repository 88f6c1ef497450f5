using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SuperKube.Scheduling;

/// <summary>
/// Runs API writes off the scheduling path: items are taken in batches, writes with different keys run
/// concurrently and writes with the same key in order. Failures are logged, never thrown.
/// </summary>
internal sealed partial class KeyedBatchWriter(ILogger logger, string what)
{
    private const int MaxBatch = 256;
    private readonly Channel<(string Key, Func<CancellationToken, Task> Write)> _items =
        Channel.CreateUnbounded<(string, Func<CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string key, Func<CancellationToken, Task> write) => _items.Writer.TryWrite((key, write));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(string Key, Func<CancellationToken, Task> Write)>();
        try
        {
            while (await _items.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _items.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                var groups = batch.GroupBy(i => i.Key, StringComparer.Ordinal).Select(g => RunInOrderAsync([.. g.Select(i => i.Write)], cancellationToken));
                await Task.WhenAll(groups).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunInOrderAsync(List<Func<CancellationToken, Task>> writes, CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            try
            {
                await write(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.WriteFailed(logger, what, ex);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 20, LogLevel.Warning, "Scheduler could not write {What}")]
        public static partial void WriteFailed(ILogger logger, string what, Exception exception);
    }
}
