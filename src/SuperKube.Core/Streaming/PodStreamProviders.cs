using Microsoft.AspNetCore.Http;
using SuperKube.Api;

namespace SuperKube.Streaming;

/// <summary>Finds the <see cref="IPodStreamProvider"/> that serves a pod's node, or explains why there is none.</summary>
internal static class PodStreamProviders
{
    public static IPodStreamProvider For(HttpContext context, PodStreamTarget target)
    {
        var node = target.NodeName;
        if (node.Length == 0)
        {
            throw ApiException.BadRequest($"pod {target.Name} does not have a host assigned");
        }

        var provider = context.RequestServices.GetServices<IPodStreamProvider>().FirstOrDefault(p => p.ServesNode(node));
        return provider ?? throw new ApiException(503, "ServiceUnavailable", $"node {node} is remote; streaming to remote nodes is not supported yet");
    }
}
