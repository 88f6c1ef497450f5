using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// List-then-watch of one resource (all namespaces) with an optional field selector, as an informer does: every (re)list goes to
/// <c>onList</c>, every event to <c>onEvent</c>; the watch resumes from the last resourceVersion and relists on
/// 410 Gone or errors.
/// </summary>
internal static partial class ResourceWatchLoop
{
    public static async Task RunAsync(
        IKubernetesClient client,
        ApiResource resource,
        string fieldSelector,
        Action<IReadOnlyList<JsonObject>> onList,
        Action<WatchEvent> onEvent,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await client.ListAsync(resource, null, new ListOptions { FieldSelector = fieldSelector }, cancellationToken).ConfigureAwait(false);
                onList(list.Items);
                var revision = list.ResourceVersion;
                while (!cancellationToken.IsCancellationRequested)
                {
                    var options = new ListOptions { FieldSelector = fieldSelector, ResourceVersion = revision, AllowWatchBookmarks = true };
                    await foreach (var e in client.WatchAsync(resource, null, options, cancellationToken).ConfigureAwait(false))
                    {
                        if (e.ResourceVersion is { Length: > 0 } rv)
                        {
                            revision = rv;
                        }

                        if (e.Type != "BOOKMARK")
                        {
                            onEvent(e);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiException ex) when (ex.Code == 410)
            {
                // Compacted past our revision: relist at once.
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Errors of the watch, and any a handler throws: the loop must outlive both, or the node stops seeing its pods.
                Log.WatchFailed(logger, resource.Plural, fieldSelector, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.NodeAgent + 1, LogLevel.Warning, "Watch of {Resource} ({Selector}) failed; relisting")]
        public static partial void WatchFailed(ILogger logger, string resource, string selector, Exception exception);
    }
}
