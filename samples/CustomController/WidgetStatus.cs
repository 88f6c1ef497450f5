using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomController;

/// <summary>What a Widget has: its Pod count and the selector its scale subresource reports.</summary>
public sealed class WidgetStatus
{
    public int Replicas { get; set; }

    public string? Selector { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
