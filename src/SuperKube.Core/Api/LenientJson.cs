using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Api;

/// <summary>
/// Parses JSON request bodies the way the real server decodes them: a repeated key keeps its last value, and each
/// repetition is reported by path (<c>metadata.name</c>) so <c>fieldValidation</c> can reject or warn about it.
/// </summary>
internal static class LenientJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256, AllowDuplicateProperties = true };

    public static JsonNode? Parse(byte[] utf8, ICollection<string> duplicates)
    {
        using var document = JsonDocument.Parse(utf8, Options);
        return Convert(document.RootElement, "", duplicates);
    }

    /// <summary>Converts a value; <paramref name="path"/> is its own path, built only for objects and arrays (leaves need none).</summary>
    private static JsonNode? Convert(JsonElement element, string path, ICollection<string> duplicates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    if (obj.ContainsKey(name))
                    {
                        duplicates.Add(Child(path, name));
                    }

                    obj[name] = IsContainer(property.Value) ? Convert(property.Value, Child(path, name), duplicates) : Scalar(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var list = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(IsContainer(item) ? Convert(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", duplicates) : Scalar(item));
                    index++;
                }

                return list;
            default:
                return Scalar(element);
        }
    }

    private static bool IsContainer(JsonElement element) => element.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static JsonNode? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.True or JsonValueKind.False => JsonValue.Create(element.GetBoolean()),
        JsonValueKind.Number => JsonValue.Create(element.Clone()),
        _ => null,
    };
}
