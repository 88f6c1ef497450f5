using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Diagnostics;
using SuperKube.Model;
using SuperKube.Resources;

namespace SuperKube.Controllers.Informers;

/// <summary>
/// The default <see cref="IInformer{T}"/>: a reflector loop (list, then watch from the list's resourceVersion;
/// re-watch when a stream ends; relist on 410 Expired) feeding an <see cref="InformerStore{T}"/> and the handlers.
/// </summary>
internal sealed partial class Informer<T> : IInformer<T>
    where T : class, IKubernetesObject
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerStore<T> _store = new();
    private readonly Lock _dispatch = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Handler[] _handlers = [];

    public Informer(IKubernetesClient client, TimeProvider time, ILogger logger)
    {
        _client = client;
        _time = time;
        _logger = logger;
        Resource = ModelResources.For(typeof(T));
    }

    public ApiResource Resource { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public ILister<T> Lister => _store;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddHandler(Action<T>? onAdd, Action<T, T>? onUpdate, Action<T>? onDelete)
    {
        var handler = new Handler(this, onAdd, onUpdate, onDelete);
        lock (_dispatch)
        {
            if (onAdd is not null)
            {
                foreach (var obj in _store.All())
                {
                    Invoke(() => onAdd(obj));
                }
            }

            _handlers = [.. _handlers, handler];
        }

        return handler;
    }

    public void AddIndexer(string name, Func<T, IEnumerable<string>> index) => _store.AddIndexer(name, index);

    /// <summary>Runs the reflector until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? revision = null;
        var retryDelay = MinRetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                revision ??= await RelistAsync(cancellationToken).ConfigureAwait(false);
                var options = new ListOptions { ResourceVersion = revision, AllowWatchBookmarks = true };
                await foreach (var change in _client.WatchAsync(Resource, null, options, cancellationToken).ConfigureAwait(false))
                {
                    revision = Apply(change) ?? revision;
                }

                retryDelay = MinRetryDelay;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiException ex) when (ex.Code == 410)
            {
                Log.Expired(_logger, Resource, ex.Message);
                revision = null;
            }
            catch (Exception ex)
            {
                Log.WatchFailed(_logger, Resource, ex);
                revision = null;
                try
                {
                    await Task.Delay(retryDelay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// Lists everything, replaces the cache (telling handlers what changed) and returns the list's revision. The store
    /// keeps shared models without <c>metadata.managedFields</c>, as from watch events: no controller reads them, and
    /// they would otherwise be the largest part of every cached object (client-go informers drop them the same way).
    /// </summary>
    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var list = await _client.ListAsync(Resource, null, new ListOptions(), cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lock (_dispatch)
        {
            foreach (var obj in list.SharedModels<T>())
            {
                seen.Add(InformerStore<T>.KeyOf(obj));
                var old = _store.Get(obj.Metadata?.Namespace, obj.Metadata?.Name ?? "");
                if (old is not null && old.Metadata?.ResourceVersion == obj.Metadata?.ResourceVersion)
                {
                    continue;
                }

                _store.Upsert(obj);
                Dispatch(old, obj, deleted: false);
            }

            foreach (var stale in _store.All())
            {
                if (!seen.Contains(InformerStore<T>.KeyOf(stale)))
                {
                    _store.Remove(stale);
                    Dispatch(stale, stale, deleted: true);
                }
            }

            _store.SetRevision(list.ResourceVersion);
        }

        _synced.TrySetResult();
        return list.ResourceVersion;
    }

    /// <summary>Applies one watch event; returns its resourceVersion.</summary>
    private string? Apply(WatchEvent change)
    {
        if (change.Type is not ("ADDED" or "MODIFIED" or "DELETED"))
        {
            return change.ResourceVersion;
        }

        var obj = change.SharedModel<T>();
        var revision = obj.Metadata?.ResourceVersion;
        lock (_dispatch)
        {
            if (revision is not null)
            {
                _store.SetRevision(revision);
            }

            if (change.Type == "DELETED")
            {
                var removed = _store.Remove(obj);
                Dispatch(removed ?? obj, obj, deleted: true);
            }
            else
            {
                var old = _store.Upsert(obj);
                Dispatch(old, obj, deleted: false);
            }
        }

        return revision;
    }

    private void Dispatch(T? old, T current, bool deleted)
    {
        foreach (var handler in _handlers)
        {
            if (deleted)
            {
                if (handler.OnDelete is { } onDelete)
                {
                    Invoke(() => onDelete(current));
                }
            }
            else if (old is null)
            {
                if (handler.OnAdd is { } onAdd)
                {
                    Invoke(() => onAdd(current));
                }
            }
            else if (handler.OnUpdate is { } onUpdate)
            {
                Invoke(() => onUpdate(old, current));
            }
        }
    }

    private void Invoke(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, Resource, ex);
        }
    }

    private void Remove(Handler handler)
    {
        lock (_dispatch)
        {
            _handlers = [.. _handlers.Where(h => !ReferenceEquals(h, handler))];
        }
    }

    private sealed class Handler(Informer<T> owner, Action<T>? onAdd, Action<T, T>? onUpdate, Action<T>? onDelete) : IDisposable
    {
        public Action<T>? OnAdd { get; } = onAdd;

        public Action<T, T>? OnUpdate { get; } = onUpdate;

        public Action<T>? OnDelete { get; } = onDelete;

        public void Dispose() => owner.Remove(this);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 1, Level = LogLevel.Information,
            Message = "Watch of {Resource} expired ({Reason}); relisting")]
        public static partial void Expired(ILogger logger, ApiResource resource, string reason);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 2, Level = LogLevel.Warning,
            Message = "List or watch of {Resource} failed; retrying")]
        public static partial void WatchFailed(ILogger logger, ApiResource resource, Exception exception);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 3, Level = LogLevel.Error,
            Message = "An event handler of the {Resource} informer failed")]
        public static partial void HandlerFailed(ILogger logger, ApiResource resource, Exception exception);
    }
}
