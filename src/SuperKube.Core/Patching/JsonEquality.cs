using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Patching;

/// <summary>
/// Deep equality of JSON values as the patch engines need it: objects compare by member set (order ignored),
/// arrays by position, numbers by value (<c>1 == 1.0 == 1e0</c>), strings ordinally.
/// </summary>
internal static class JsonEquality
{
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject l, JsonObject r):
                return ObjectsEqual(l, r);
            case (JsonArray l, JsonArray r):
                return ArraysEqual(l, r);
            case (JsonValue l, JsonValue r):
                return ValuesEqual(l, r);
            default:
                return false;
        }
    }

    private static bool ObjectsEqual(JsonObject left, JsonObject right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!DeepEquals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValuesEqual(JsonValue left, JsonValue right)
    {
        var kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => string.Equals(left.GetValue<string>(), right.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Number => NumbersEqual(left.ToJsonString(), right.ToJsonString()),
            _ => true, // true, false and null carry no further data
        };
    }

    private static bool NumbersEqual(string left, string right)
    {
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(left, style, CultureInfo.InvariantCulture, out var l)
            && decimal.TryParse(right, style, CultureInfo.InvariantCulture, out var r))
        {
            return l == r;
        }

        return double.Parse(left, style, CultureInfo.InvariantCulture) == double.Parse(right, style, CultureInfo.InvariantCulture);
    }
}
