using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The observed state of a DaemonSet.")]
public sealed class DaemonSetStatus
{
    [Description("Nodes running at least one daemon pod that should.")]
    public int? CurrentNumberScheduled { get; set; }

    [Description("Nodes running a daemon pod that should not.")]
    public int? NumberMisscheduled { get; set; }

    [Description("Nodes that should run the daemon pod.")]
    public int? DesiredNumberScheduled { get; set; }

    [Description("Nodes whose daemon pod is ready.")]
    public int? NumberReady { get; set; }

    [Description("Generation of the spec the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [Description("Nodes running the current template.")]
    public int? UpdatedNumberScheduled { get; set; }

    [Description("Nodes whose daemon pod is available.")]
    public int? NumberAvailable { get; set; }

    [Description("Nodes whose daemon pod is not available.")]
    public int? NumberUnavailable { get; set; }

    [Description("Counter used to avoid name collisions of revisions.")]
    public int? CollisionCount { get; set; }

    [Description("Current conditions of the DaemonSet.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<DaemonSetCondition>? Conditions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
