using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomController;

/// <summary>What a Widget wants: how many Pods, running which image.</summary>
public sealed class WidgetSpec
{
    public int Size { get; set; }

    public string? Image { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
