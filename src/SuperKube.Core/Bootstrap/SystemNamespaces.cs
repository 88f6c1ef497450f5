using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Bootstrap;

/// <summary>Creates the namespaces every cluster has (default, kube-system, kube-public, kube-node-lease) at start.</summary>
internal sealed class SystemNamespaces(IResourceRegistry registry, ResourceReader reader, ResourceWriter writer) : IHostedService
{
    public static readonly string[] Names = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var namespaces = registry.Find("", "v1", "namespaces") ?? throw new InvalidOperationException("namespaces are not registered");
        foreach (var name in Names)
        {
            if (reader.Find(namespaces, "", name) is not null)
            {
                continue;
            }

            var obj = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } };
            try
            {
                await writer.CreateAsync(namespaces, "", obj, WriteContext.Internal("superkube-bootstrap"), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                // Another server created it first.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
