using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Selects a resource limit or request of a container.")]
[MapType("atomic")]
public sealed class ResourceFieldSelector
{
    [Description("Container whose resources are read; required for volumes.")]
    public string? ContainerName { get; set; }

    [Description("Resource to read, such as limits.cpu.")]
    public string? Resource { get; set; }

    [Description("Unit the value is expressed in; defaults to 1.")]
    [JsonConverter(typeof(QuantityJsonConverter))]
    public string? Divisor { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
