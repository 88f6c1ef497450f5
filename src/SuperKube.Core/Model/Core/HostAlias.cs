using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("An entry of the pod's hosts file.")]
public sealed class HostAlias
{
    [Description("IP address of the entry.")]
    public string? Ip { get; set; }

    [Description("Host names for the address.")]
    [ListType("atomic")]
    public IList<string>? Hostnames { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
