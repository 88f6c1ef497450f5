using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("An image present on a node.")]
public sealed class ContainerImage
{
    [Description("Names of the image.")]
    [ListType("atomic")]
    public IList<string>? Names { get; set; }

    [Description("Size of the image in bytes.")]
    public long? SizeBytes { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
