using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Protobuf;

/// <summary>
/// Turns the apimachinery types with custom JSON forms (Time, MicroTime, Duration, IntOrString, Quantity,
/// RawExtension, FieldsV1, ExtraValue) from their protobuf messages into the JSON the Go types produce.
/// </summary>
internal static class ProtoWellKnownTypes
{
    private const long MinUnixSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    private static readonly ProtoWireType[] TimeLayout = [ProtoWireType.Varint, ProtoWireType.Varint];
    private static readonly ProtoWireType[] DurationLayout = [ProtoWireType.Varint];
    private static readonly ProtoWireType[] IntOrStringLayout = [ProtoWireType.Varint, ProtoWireType.Varint, ProtoWireType.LengthDelimited];
    private static readonly ProtoWireType[] BytesLayout = [ProtoWireType.LengthDelimited];

    public static JsonNode? Read(ProtoKind kind, ReadOnlySpan<byte> data, string path) => kind switch
    {
        ProtoKind.Time => Timestamp(data, "metav1.Time", path, micro: false),
        ProtoKind.MicroTime => Timestamp(data, "metav1.MicroTime", path, micro: true),
        ProtoKind.Duration => GoDuration.Format((long)ReadFlat(data, "metav1.Duration", path, DurationLayout).Varints[0]),
        ProtoKind.IntOrString => IntOrString(data, path),
        ProtoKind.Quantity => Quantity(data, path),
        ProtoKind.RawExtension => EmbeddedJson(data, "runtime.RawExtension", path),
        ProtoKind.FieldsV1 => EmbeddedJson(data, "metav1.FieldsV1", path),
        ProtoKind.StringList => StringList(data, path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a well-known protobuf type"),
    };

    /// <summary>Go marshals a zero Time as an empty message; it reads back as the zero time, whose JSON is null.</summary>
    private static JsonValue? Timestamp(ReadOnlySpan<byte> data, string type, string path, bool micro)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        var fields = ReadFlat(data, type, path, TimeLayout);
        var seconds = (long)fields.Varints[0];
        var nanos = (long)(int)(long)fields.Varints[1];
        if (seconds is < MinUnixSeconds or > MaxUnixSeconds || nanos is < 0 or > 999_999_999)
        {
            throw ProtobufDecodeException.Malformed($"{type} at {path} is out of range ({seconds}s, {nanos}ns)");
        }

        // metav1.Time keeps whole seconds only (its Unmarshal drops nanos); MicroTime keeps microseconds.
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        return micro
            ? JsonValue.Create(time.AddTicks(nanos / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
            : JsonValue.Create(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonValue IntOrString(ReadOnlySpan<byte> data, string path)
    {
        var fields = ReadFlat(data, "intstr.IntOrString", path, IntOrStringLayout);
        return fields.Varints[0] switch
        {
            0 => JsonValue.Create((int)(long)fields.Varints[1]),
            1 => JsonValue.Create(Encoding.UTF8.GetString(fields.Bytes[2] ?? [])),
            var other => throw ProtobufDecodeException.Malformed($"intstr.IntOrString at {path} has unknown type {other}"),
        };
    }

    private static JsonValue Quantity(ReadOnlySpan<byte> data, string path)
    {
        var text = Encoding.UTF8.GetString(ReadFlat(data, "resource.Quantity", path, BytesLayout).Bytes[0] ?? []);
        return JsonValue.Create(text.Length == 0 ? "0" : text);
    }

    private static JsonNode? EmbeddedJson(ReadOnlySpan<byte> data, string type, string path)
    {
        var raw = ReadFlat(data, type, path, BytesLayout).Bytes[0];
        if (raw is null || raw.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException ex)
        {
            throw ProtobufDecodeException.Malformed($"{type} at {path} does not hold JSON: {ex.Message}");
        }
    }

    private static JsonArray StringList(ReadOnlySpan<byte> data, string path)
    {
        var items = new JsonArray();
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number != 1 || wireType != ProtoWireType.LengthDelimited)
            {
                throw ProtobufDecodeException.UnknownField("ExtraValue", number, wireType, path);
            }

            items.Add(Encoding.UTF8.GetString(reader.ReadLengthDelimited()));
        }

        return items;
    }

    /// <summary>
    /// Reads a small message whose field N (1-based) has wire type <c>layout[N-1]</c>; the last occurrence wins, as in
    /// protobuf. Unknown numbers and mismatched wire types are errors.
    /// </summary>
    private static (ulong[] Varints, byte[]?[] Bytes) ReadFlat(ReadOnlySpan<byte> data, string type, string path, ProtoWireType[] layout)
    {
        var varints = new ulong[layout.Length];
        var bytes = new byte[]?[layout.Length];
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number > layout.Length || layout[number - 1] != wireType)
            {
                throw ProtobufDecodeException.UnknownField(type, number, wireType, path);
            }

            if (wireType == ProtoWireType.Varint)
            {
                varints[number - 1] = reader.ReadVarint();
            }
            else
            {
                bytes[number - 1] = reader.ReadLengthDelimited().ToArray();
            }
        }

        return (varints, bytes);
    }
}
