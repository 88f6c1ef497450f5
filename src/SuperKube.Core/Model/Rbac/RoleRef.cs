using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Rbac;

[Description("The role a binding grants.")]
[MapType("atomic")]
public sealed class RoleRef
{
    [Description("API group of the role.")]
    public string? ApiGroup { get; set; }

    [Description("Role or ClusterRole.")]
    public string? Kind { get; set; }

    [Description("Name of the role.")]
    public string? Name { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
