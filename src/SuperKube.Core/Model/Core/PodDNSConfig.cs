using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("DNS settings of a pod.")]
public sealed class PodDNSConfig
{
    [Description("DNS server addresses.")]
    [ListType("atomic")]
    public IList<string>? Nameservers { get; set; }

    [Description("Search domains.")]
    [ListType("atomic")]
    public IList<string>? Searches { get; set; }

    [Description("Resolver options.")]
    [ListType("atomic")]
    public IList<PodDNSConfigOption>? Options { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
