using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Rbac;

[Description("A user, group or service account.")]
[MapType("atomic")]
public sealed class Subject
{
    [Description("User, Group or ServiceAccount.")]
    public string? Kind { get; set; }

    [Description("API group of the subject kind.")]
    public string? ApiGroup { get; set; }

    [Description("Name of the subject.")]
    public string? Name { get; set; }

    [Description("Namespace of a service account.")]
    public string? Namespace { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
