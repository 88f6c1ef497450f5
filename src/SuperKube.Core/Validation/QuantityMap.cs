using System.Text.Json.Nodes;
using SuperKube.Defaulting;

namespace SuperKube.Validation;

/// <summary>A resource list (<c>{"cpu": "500m", "memory": "1Gi"}</c>) read to values, keeping each quantity's text as written.</summary>
internal sealed class QuantityMap : Dictionary<string, (decimal Value, string Text)>
{
    public QuantityMap()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The parseable entries of <paramref name="list"/> (others are left to the kind's validation).</summary>
    public static QuantityMap Read(JsonObject? list)
    {
        var map = new QuantityMap();
        foreach (var (name, node) in list ?? [])
        {
            if (JsonRead.Scalar(node) is { } text && ResourceQuantity.TryParse(text, out var value))
            {
                map[name] = (value, text);
            }
        }

        return map;
    }

    public (decimal Value, string Text)? Find(string name) => TryGetValue(name, out var found) ? found : null;
}
