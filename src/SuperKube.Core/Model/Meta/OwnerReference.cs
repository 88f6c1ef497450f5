using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("A link from a dependent object to one of its owners.")]
[MapType("atomic")]
public sealed class OwnerReference
{
    [Description("API version of the owner.")]
    public string? ApiVersion { get; set; }

    [Description("Kind of the owner.")]
    public string? Kind { get; set; }

    [Description("Name of the owner.")]
    public string? Name { get; set; }

    [Description("UID of the owner.")]
    public string? Uid { get; set; }

    [Description("True when this owner is the controller that manages the dependent; at most one owner sets it.")]
    public bool? Controller { get; set; }

    [Description("When true, foreground deletion of the owner waits until this dependent is gone.")]
    public bool? BlockOwnerDeletion { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
