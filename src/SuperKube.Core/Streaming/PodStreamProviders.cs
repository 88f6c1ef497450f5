using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Streaming.Remote;

namespace SuperKube.Streaming;

/// <summary>Finds the <see cref="IPodStreamProvider"/> that serves a pod's node: an in-process one, else <see cref="RemoteNodeStreams"/>.</summary>
internal static class PodStreamProviders
{
    public static IPodStreamProvider For(HttpContext context, PodStreamTarget target)
    {
        var node = target.NodeName;
        if (node.Length == 0)
        {
            throw ApiException.BadRequest($"pod {target.Name} does not have a host assigned");
        }

        var services = context.RequestServices;
        return services.GetServices<IPodStreamProvider>().FirstOrDefault(p => p.ServesNode(node))
            ?? services.GetService<RemoteNodeStreams>()
            ?? throw new ApiException(503, "ServiceUnavailable", $"node {node} is remote, and this server does not dial remote nodes");
    }

    /// <summary>
    /// Dials a remote pod's node before an upgrade is answered, so a node that cannot be reached gets its dial error
    /// (as kube-apiserver's proxy does) rather than a 101, or a protocol complaint on kubectl's SPDY fallback.
    /// In-process nodes are always reachable.
    /// </summary>
    public static Task EnsureReachableAsync(IPodStreamProvider provider, PodStreamTarget target, CancellationToken cancellationToken) =>
        provider is RemoteNodeStreams remote ? remote.EnsureReachableAsync(target.Json, cancellationToken) : Task.CompletedTask;
}
