using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The observed state of a node.")]
public sealed class NodeStatus
{
    [Description("Total resources of the node.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Capacity { get; set; }

    [Description("Resources available to pods.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Allocatable { get; set; }

    [Description("Deprecated lifecycle phase.")]
    public string? Phase { get; set; }

    [Description("Current conditions of the node.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<NodeCondition>? Conditions { get; set; }

    [Description("Addresses at which the node is reachable.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<NodeAddress>? Addresses { get; set; }

    [Description("Ports of the daemons on the node.")]
    public NodeDaemonEndpoints? DaemonEndpoints { get; set; }

    [Description("Facts about the machine and its software.")]
    public NodeSystemInfo? NodeInfo { get; set; }

    [Description("Images present on the node.")]
    [ListType("atomic")]
    public IList<ContainerImage>? Images { get; set; }

    [Description("Volumes attached to and mounted on the node.")]
    [ListType("atomic")]
    public IList<string>? VolumesInUse { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
