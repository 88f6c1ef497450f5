using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The desired behaviour of a node.")]
public sealed class NodeSpec
{
    [Description("Pod IP range assigned to the node.")]
    public string? PodCIDR { get; set; }

    [Description("Pod IP ranges assigned to the node, one per IP family.")]
    [PatchStrategy("merge")]
    [ListType("set")]
    public IList<string>? PodCIDRs { get; set; }

    [Description("ID of the node at its infrastructure provider.")]
    public string? ProviderID { get; set; }

    [Description("Keeps new pods off the node (cordon).")]
    public bool? Unschedulable { get; set; }

    [Description("Taints that repel pods which do not tolerate them.")]
    [ListType("atomic")]
    public IList<Taint>? Taints { get; set; }

    [Description("Deprecated external ID.")]
    public string? ExternalID { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
