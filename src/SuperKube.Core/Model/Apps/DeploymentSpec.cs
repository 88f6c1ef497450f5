using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The desired behaviour of a deployment.")]
public sealed class DeploymentSpec
{
    [Description("Number of pods wanted; defaults to 1.")]
    public int? Replicas { get; set; }

    [Description("Labels of the pods the deployment manages; must match the template.")]
    public LabelSelector? Selector { get; set; }

    [Description("Template of the pods to create.")]
    public PodTemplateSpec? Template { get; set; }

    [Description("How old pods are replaced by new ones.")]
    [PatchStrategy("retainKeys")]
    public DeploymentStrategy? Strategy { get; set; }

    [Description("Seconds a new pod must be ready before it counts as available.")]
    public int? MinReadySeconds { get; set; }

    [Description("Number of old ReplicaSets kept for rollback.")]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Stops the deployment from rolling out changes.")]
    public bool? Paused { get; set; }

    [Description("Seconds without progress after which the rollout is reported as failed.")]
    public int? ProgressDeadlineSeconds { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
