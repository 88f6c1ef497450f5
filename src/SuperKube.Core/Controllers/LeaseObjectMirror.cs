using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Diagnostics;

namespace SuperKube.Controllers;

/// <summary>
/// Shows who holds each lease as a <c>coordination.k8s.io/v1</c> Lease in kube-system (as kube-controller-manager and
/// kube-scheduler do), so <c>kubectl get leases -n kube-system</c> lists the holders. The Lease object is a mirror
/// written by the holder after each acquisition and renewal; the lease itself lives in the store.
/// </summary>
internal sealed partial class LeaseObjectMirror(IServiceProvider services, ILogger<LeaseObjectMirror> logger)
{
    public const string Namespace = "kube-system";

    /// <summary>Creates or updates the Lease object; failures are logged and left to the next renewal.</summary>
    public async Task WriteAsync(
        string name, string holder, TimeSpan duration, DateTimeOffset acquireTime, DateTimeOffset renewTime, int transitions,
        CancellationToken cancellationToken)
    {
        var spec = new JsonObject
        {
            ["holderIdentity"] = holder,
            ["leaseDurationSeconds"] = (int)duration.TotalSeconds,
            ["acquireTime"] = MicroTime(acquireTime),
            ["renewTime"] = MicroTime(renewTime),
            ["leaseTransitions"] = transitions,
        };
        if (services.GetService<IKubernetesClient>() is not { } client)
        {
            return; // a host without the API (a store-only test host): nothing to show the leases through
        }

        try
        {
            try
            {
                await client.PatchAsync(ApiResource.Leases, Namespace, name, PatchType.Merge, new JsonObject { ["spec"] = spec }, "", cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                var lease = new JsonObject
                {
                    ["apiVersion"] = "coordination.k8s.io/v1",
                    ["kind"] = "Lease",
                    ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
                    ["spec"] = spec.DeepClone(),
                };
                await client.CreateAsync(ApiResource.Leases, Namespace, lease, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.MirrorFailed(logger, name, ex.Message);
        }
    }

    /// <summary>metav1.MicroTime: RFC 3339 with microseconds, UTC.</summary>
    private static string MicroTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 25, Level = LogLevel.Debug,
            Message = "Could not mirror lease {Lease} as a Lease object in kube-system: {Message}")]
        public static partial void MirrorFailed(ILogger logger, string lease, string message);
    }
}
