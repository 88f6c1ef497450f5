using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Controllers.Events;

/// <summary>
/// Expires core/v1 Events an hour (<see cref="EventExpiryOptions.TimeToLive"/>) after they were last seen, as the
/// API server's <c>--event-ttl</c> does, so a long-running cluster does not accumulate them. Sweeps every
/// <see cref="EventExpiryOptions.Interval"/>; registered as the <c>event-ttl</c> controller.
/// </summary>
internal sealed partial class EventExpiry(IKubernetesClient client, IOptions<EventExpiryOptions> options, TimeProvider time, ILogger<EventExpiry> logger)
    : IManagedController
{
    public const string ControllerName = "event-ttl";

    public string Name => ControllerName;

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stopping).ConfigureAwait(false);
                await Task.Delay(options.Value.Interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ApiException ex)
            {
                Log.SweepFailed(logger, ex);
                await Task.Delay(options.Value.Interval, time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes every event last seen before now minus the time to live; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.TimeToLive;
        var expired = 0;
        var events = await client.ListAsync(ApiResource.Events, null, null, cancellationToken).ConfigureAwait(false);
        foreach (var e in events.Items.Where(e => LastSeen(e) is { } seen && seen < cutoff))
        {
            try
            {
                await client.DeleteAsync(ApiResource.Events, ObjectMetadata.Namespace(e), ObjectMetadata.Name(e), new DeleteOptions { PreconditionUid = ObjectMetadata.Uid(e) }, cancellationToken)
                    .ConfigureAwait(false);
                expired++;
            }
            catch (ApiException ex) when (ex.Code is 404 or 409)
            {
                // Gone already, or replaced.
            }
        }

        return expired;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The newest of lastTimestamp, eventTime (events.k8s.io style) and creationTimestamp.</summary>
    private static DateTimeOffset? LastSeen(JsonObject e) =>
        new[] { (string?)e["lastTimestamp"], (string?)e["eventTime"], (string?)e["metadata"]?["creationTimestamp"] }
            .Select(t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null)
            .Max();

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Warning, "Expiring events failed; retrying at the next sweep")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}
