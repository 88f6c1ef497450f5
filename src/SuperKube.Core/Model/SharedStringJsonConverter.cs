using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>
/// Reads short strings through a fixed table of recently read values (as compilers' string tables do), so the many
/// models that repeat a namespace, image, label, node name, condition type or reason share one instance instead of
/// each holding a copy: a hit allocates nothing. Values that are long, escaped or not ASCII are read as usual, and a
/// miss replaces the table entry, so unique values (names, UIDs) only pass through. Writes as usual.
/// </summary>
internal sealed class SharedStringJsonConverter : JsonConverter<string>
{
    private const int MaxSharedLength = 64;
    private static readonly string?[] Table = new string?[16384];

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Shared(ref reader) : reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Shared(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Shared(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxSharedLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        var slot = (int)((uint)Hash(utf8) & (Table.Length - 1));
        if (Volatile.Read(ref Table[slot]) is { } candidate && Ascii.Equals(utf8, candidate))
        {
            return candidate;
        }

        var value = reader.GetString()!;
        if (Ascii.IsValid(utf8))
        {
            Volatile.Write(ref Table[slot], value);
        }

        return value;
    }

    /// <summary>FNV-1a over the bytes (short values: cheaper than a general-purpose hash).</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
