using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Rbac;

[Description("Chooses ClusterRoles whose rules are combined.")]
public sealed class AggregationRule
{
    [Description("Labels of the ClusterRoles to combine.")]
    [ListType("atomic")]
    public IList<LabelSelector>? ClusterRoleSelectors { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
