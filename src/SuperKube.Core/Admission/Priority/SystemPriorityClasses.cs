using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Admission.Priority;

/// <summary>Creates the built-in PriorityClasses every cluster has (system-node-critical, system-cluster-critical) at start.</summary>
internal sealed class SystemPriorityClasses(IResourceRegistry registry, ResourceReader reader, ResourceWriter writer) : IHostedService
{
    /// <summary>The reserved classes: name, value and description, as upstream.</summary>
    public static readonly (string Name, int Value, string Description)[] Known =
    [
        ("system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."),
        ("system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var classes = registry.Find("scheduling.k8s.io", "v1", "priorityclasses") ?? throw new InvalidOperationException("priorityclasses are not registered");
        foreach (var (name, value, description) in Known)
        {
            if (reader.Find(classes, "", name) is not null)
            {
                continue;
            }

            var obj = new JsonObject
            {
                ["apiVersion"] = "scheduling.k8s.io/v1",
                ["kind"] = "PriorityClass",
                ["metadata"] = new JsonObject { ["name"] = name },
                ["value"] = value,
                ["description"] = description,
            };
            try
            {
                await writer.CreateAsync(classes, "", obj, WriteContext.Internal("superkube-bootstrap"), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 409)
            {
                // Another server created it first.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
