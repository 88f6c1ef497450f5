using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// Feeds one resource into the <see cref="OwnerGraph"/>: lists it, then watches from the list's resourceVersion,
/// resuming after a stream ends and relisting after 410 Expired or a failure.
/// </summary>
internal sealed class ResourceMonitor(ApiResource resource, IKubernetesClient client, OwnerGraph graph, Action<IReadOnlyList<string>> enqueue, TimeProvider time)
{
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ApiResource Resource => resource;

    /// <summary>Completes after the first list was taken into the graph (or failed, so that start-up never hangs).</summary>
    public Task Synced => _synced.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var revision = "";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (revision.Length == 0)
                {
                    var list = await client.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
                    enqueue(graph.Replace(resource, [.. list.Items.Select(o => GraphNode.From(resource, o))]));
                    revision = list.ResourceVersion;
                    _synced.TrySetResult();
                }

                var options = new ListOptions { ResourceVersion = revision, AllowWatchBookmarks = true };
                await foreach (var change in client.WatchAsync(resource, null, options, cancellationToken).ConfigureAwait(false))
                {
                    if (change.ResourceVersion is { Length: > 0 } seen)
                    {
                        revision = seen;
                    }

                    switch (change.Type)
                    {
                        case "ADDED" or "MODIFIED":
                            enqueue(graph.Observe(GraphNode.From(resource, CollectorView.Read(change))));
                            break;
                        case "DELETED":
                            enqueue(graph.Forget(CollectorView.Read(change).Uid ?? ""));
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiException ex) when (ex.Code == 410)
            {
                revision = "";
            }
            catch (Exception)
            {
                // The resource may be going away (a CRD being removed): start over after a pause.
                _synced.TrySetResult();
                revision = "";
                try
                {
                    await Task.Delay(FailureDelay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
