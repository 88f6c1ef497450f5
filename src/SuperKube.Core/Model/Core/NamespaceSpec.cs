using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The desired behaviour of a namespace.")]
public sealed class NamespaceSpec
{
    [Description("Steps that must finish before the namespace is removed.")]
    [ListType("atomic")]
    public IList<string>? Finalizers { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
