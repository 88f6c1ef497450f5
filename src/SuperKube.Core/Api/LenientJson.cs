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

    private static JsonNode? Convert(JsonElement element, string path, ICollection<string> duplicates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (obj.ContainsKey(property.Name))
                    {
                        duplicates.Add(childPath);
                    }

                    obj[property.Name] = Convert(property.Value, childPath, duplicates);
                }

                return obj;
            case JsonValueKind.Array:
                var list = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Convert(item, path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]", duplicates));
                }

                return list;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(element.GetBoolean());
            case JsonValueKind.Number:
                return JsonValue.Create(element.Clone());
            default:
                return null;
        }
    }
}
