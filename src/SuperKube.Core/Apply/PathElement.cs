using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Apply;

/// <summary>
/// Path elements in the FieldsV1 notation of <c>metadata.managedFields</c>: <c>f:name</c> (a field or map key),
/// <c>k:{"name":"x"}</c> (an element of a list-type map, by its key fields), <c>v:"x"</c> (an element of a set),
/// <c>i:3</c> (a list index) and <c>.</c> (the node itself). Elements are kept as these strings.
/// </summary>
internal static class PathElement
{
    /// <summary>The marker of "this node itself" inside a FieldsV1 object.</summary>
    public const string Self = ".";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Field elements already spelled, by name: field names repeat on every write (bounded: map keys are user data).</summary>
    private static readonly ConcurrentDictionary<string, string> Fields = new(StringComparer.Ordinal);

    private const int MaxRememberedFields = 8192;

    public static string Field(string name)
    {
        if (Fields.TryGetValue(name, out var element))
        {
            return element;
        }

        element = "f:" + name;
        if (Fields.Count < MaxRememberedFields)
        {
            Fields.TryAdd(name, element);
        }

        return element;
    }

    public static string Key(JsonObject keyFields) => "k:" + Canonical(keyFields);

    public static string Value(JsonNode? value) => "v:" + Canonical(value);

    public static string Index(int index) => "i:" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compact JSON as the key and value elements spell it (no HTML escaping).</summary>
    public static string Canonical(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>True for a well-formed element (not <c>.</c>).</summary>
    public static bool IsValid(string element) =>
        element.Length >= 2 && element[1] == ':' && element[0] switch
        {
            'f' => true,
            'k' => IsJson(element.AsSpan(2), mustBeObject: true),
            'v' => element.Length > 2 && IsJson(element.AsSpan(2), mustBeObject: false),
            'i' => int.TryParse(element.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => false,
        };

    /// <summary>The element as the field path of a conflict message: <c>.name</c>, <c>[name="x"]</c>, <c>[="v"]</c>, <c>[3]</c>.</summary>
    public static string Describe(string element)
    {
        var text = element[2..];
        switch (element[0])
        {
            case 'f':
                return "." + text;
            case 'k' when TryParseJson(text) is JsonObject keys:
                var builder = new StringBuilder("[");
                foreach (var (name, value) in keys)
                {
                    builder.Append(builder.Length > 1 ? "," : "").Append(name).Append('=').Append(Canonical(value));
                }

                return builder.Append(']').ToString();
            case 'v':
                return "[=" + text + "]";
            default:
                return "[" + text + "]";
        }
    }

    /// <summary>The order FieldsV1 objects are written in: <c>.</c>, fields, keys, values, indices; then by text.</summary>
    public static int Compare(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null || right is null)
        {
            return left is null ? -1 : 1;
        }

        var byKind = Rank(left).CompareTo(Rank(right));
        if (byKind != 0)
        {
            return byKind;
        }

        if (left[0] == 'i' && int.TryParse(left.AsSpan(2), CultureInfo.InvariantCulture, out var l) &&
            int.TryParse(right.AsSpan(2), CultureInfo.InvariantCulture, out var r))
        {
            return l.CompareTo(r);
        }

        return string.CompareOrdinal(left, right);
    }

    /// <summary>Parses a <c>k:</c> element's key fields, or null when the element is of another kind.</summary>
    public static JsonObject? KeyFields(string element) =>
        element.StartsWith("k:", StringComparison.Ordinal) ? TryParseJson(element[2..]) as JsonObject : null;

    private static int Rank(string element) => element switch
    {
        Self => 0,
        _ => element[0] switch { 'f' => 1, 'k' => 2, 'v' => 3, 'i' => 4, _ => 5 },
    };

    /// <summary>True when <paramref name="text"/> is one JSON value (an object when <paramref name="mustBeObject"/>); no allocation for short text.</summary>
    private static bool IsJson(ReadOnlySpan<char> text, bool mustBeObject)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[512];
            var reader = new Utf8JsonReader(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
            if (!reader.Read() || (mustBeObject && reader.TokenType != JsonTokenType.StartObject))
            {
                return false;
            }

            reader.Skip();
            return !reader.Read(); // nothing after the value
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
