using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Model;

namespace SuperKube.Controllers.Informers;

/// <summary>
/// The default <see cref="ISharedInformerFactory"/>: one informer per model type, started on first request and
/// stopped when the service provider is disposed.
/// </summary>
internal sealed class SharedInformerFactory(IKubernetesClient client, TimeProvider time, ILoggerFactory loggers)
    : ISharedInformerFactory, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<Type, Lazy<(IInformer Informer, Task Loop)>> _informers = new();
    private readonly CancellationTokenSource _stopping = new();

    public IInformer<T> GetInformer<T>()
        where T : class, IKubernetesObject
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var entry = _informers.GetOrAdd(typeof(T), _ => new Lazy<(IInformer, Task)>(() =>
        {
            var informer = new Informer<T>(client, time, loggers.CreateLogger<Informer<T>>());
            var loop = Task.Run(() => informer.RunAsync(_stopping.Token));
            return (informer, loop);
        }));
        return (IInformer<T>)entry.Value.Informer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var entry in _informers.Values)
        {
            if (entry.IsValueCreated)
            {
                await entry.Value.Loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _stopping.Dispose();
    }

    /// <summary>Stops the informers without waiting for their loops (synchronous disposal of the container).</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }
}
