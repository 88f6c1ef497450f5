using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("Metadata of a list response.")]
public sealed class ListMeta
{
    [Description("Deprecated link to the list; not filled in.")]
    public string? SelfLink { get; set; }

    [Description("Version of the collection the list reflects; a watch can start from it.")]
    public string? ResourceVersion { get; set; }

    [Description("Token that fetches the next page; empty when nothing is left.")]
    public string? Continue { get; set; }

    [Description("Estimated number of items not yet returned, when the server knows it.")]
    public long? RemainingItemCount { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
