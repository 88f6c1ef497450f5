using Microsoft.Extensions.Hosting;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Security.Rbac;

/// <summary>Creates the default ClusterRoles and ClusterRoleBindings that are missing, at start (so <c>kubectl get clusterroles</c> lists them).</summary>
internal sealed class RbacBootstrap(IResourceRegistry registry, ResourceReader reader, ResourceWriter writer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CreateMissingAsync("clusterroles", DefaultRoles.ClusterRoles(), cancellationToken).ConfigureAwait(false);
        await CreateMissingAsync("clusterrolebindings", DefaultRoles.ClusterRoleBindings(), cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateMissingAsync(string resource, IEnumerable<System.Text.Json.Nodes.JsonObject> objects, CancellationToken cancellationToken)
    {
        var type = registry.Find("rbac.authorization.k8s.io", "v1", resource) ?? throw new InvalidOperationException($"{resource} are not registered");
        foreach (var obj in objects)
        {
            if (reader.Find(type, "", (string?)obj["metadata"]?["name"] ?? "") is not null)
            {
                continue;
            }

            try
            {
                await writer.CreateAsync(type, "", obj, WriteContext.Internal("superkube-bootstrap"), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                // Another server created it first.
            }
        }
    }
}
