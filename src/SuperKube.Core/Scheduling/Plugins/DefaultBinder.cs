using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Binds through the <c>pods/binding</c> subresource, as kube-scheduler does.</summary>
internal sealed class DefaultBinder(IKubernetesClient client) : IBindPlugin
{
    public string Name => PluginNames.DefaultBinder;

    public async ValueTask<SchedulingStatus> BindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        var binding = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Binding",
            ["metadata"] = new JsonObject { ["name"] = pod.Name, ["namespace"] = pod.Namespace, ["uid"] = pod.Uid },
            ["target"] = new JsonObject { ["kind"] = "Node", ["name"] = nodeName },
        };
        try
        {
            await client.CreateSubresourceAsync(ApiResource.Pods, pod.Namespace, pod.Name, "binding", binding, cancellationToken).ConfigureAwait(false);
            return SchedulingStatus.Success;
        }
        catch (ApiException ex)
        {
            return SchedulingStatus.Error(ex);
        }
    }
}
