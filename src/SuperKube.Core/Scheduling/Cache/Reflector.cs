using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Scheduling.Cache;

/// <summary>
/// Lists a resource, hands the full list over, then watches from the list's revision and hands over each change;
/// relists when the watch ends with 410 Gone or fails, so the receiver can resynchronise.
/// </summary>
internal sealed partial class Reflector(IKubernetesClient client, ApiResource resource, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task RunAsync(
        Action<IReadOnlyList<JsonObject>> replace, Action<WatchEvent> change, TaskCompletionSource synced, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var list = await client.ListAsync(resource, null, null, cancellationToken).ConfigureAwait(false);
                replace(list.Items);
                synced.TrySetResult();
                var revision = list.ResourceVersion;
                while (!cancellationToken.IsCancellationRequested)
                {
                    await foreach (var e in client.WatchAsync(resource, null, new ListOptions { ResourceVersion = revision, AllowWatchBookmarks = true }, cancellationToken)
                                       .ConfigureAwait(false))
                    {
                        if (e.ResourceVersion is { Length: > 0 } rv)
                        {
                            revision = rv;
                        }

                        if (e.Type is "ADDED" or "MODIFIED" or "DELETED")
                        {
                            change(e);
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
                Log.Relisting(logger, resource.ToString());
            }
            catch (Exception ex)
            {
                Log.WatchFailed(logger, resource.ToString(), ex);
                await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 1, LogLevel.Debug, "Scheduler watch of {Resource} expired; relisting")]
        public static partial void Relisting(ILogger logger, string resource);

        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 2, LogLevel.Warning, "Scheduler watch of {Resource} failed; relisting")]
        public static partial void WatchFailed(ILogger logger, string resource, Exception exception);
    }
}
