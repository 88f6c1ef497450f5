using System.Text;
using System.Text.Json.Nodes;

namespace SuperKube.Protobuf;

/// <summary>
/// Decodes protobuf message bytes into JSON with a <see cref="ProtoMessage"/> schema. Field numbers the schema does
/// not list are errors, never silently dropped; zero scalars are left out unless the field is <see cref="ProtoPresence.Keep"/>.
/// </summary>
internal static class ProtoJsonDecoder
{
    /// <summary>Deepest message nesting accepted; real objects stay well below it.</summary>
    public const int MaxDepth = 64;

    /// <summary>Decodes <paramref name="data"/> as <paramref name="message"/> and adds its fields to <paramref name="target"/>.</summary>
    public static void DecodeInto(JsonObject target, ReadOnlySpan<byte> data, ProtoMessage message, ProtoSchemas schemas, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw ProtobufDecodeException.Malformed($"protobuf messages nest deeper than {MaxDepth} levels at {path}");
        }

        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (!message.Fields.TryGetValue(number, out var field))
            {
                throw ProtobufDecodeException.UnknownField(message.Name, number, wireType, path);
            }

            var context = new FieldContext(message, field, schemas, Child(path, field.JsonName), depth);
            switch (field.Cardinality)
            {
                case ProtoCardinality.Repeated:
                    ReadRepeated(ref reader, wireType, context, GetOrAdd(target, field.JsonName, static () => new JsonArray()));
                    break;
                case ProtoCardinality.Map:
                    ReadMapEntry(context.Expect(wireType, ProtoWireType.LengthDelimited, ref reader), context, GetOrAdd(target, field.JsonName, static () => new JsonObject()));
                    break;
                case ProtoCardinality.Single when field.Kind == ProtoKind.Inline:
                    DecodeInto(target, context.Expect(wireType, ProtoWireType.LengthDelimited, ref reader), schemas[field.MessageType!], schemas, path, depth + 1);
                    break;
                default:
                    var value = ReadValue(ref reader, wireType, context, out var isZero);
                    if (isZero && field.Presence == ProtoPresence.OmitEmpty)
                    {
                        target.Remove(field.JsonName);
                    }
                    else
                    {
                        target[field.JsonName] = value;
                    }

                    break;
            }
        }
    }

    private static void ReadRepeated(ref ProtoReader reader, ProtoWireType wireType, FieldContext context, JsonArray items)
    {
        if (wireType == ProtoWireType.LengthDelimited && context.Field.Kind is ProtoKind.Bool or ProtoKind.Int32 or ProtoKind.Int64)
        {
            // Packed encoding: one length-delimited run of varints.
            var packed = new ProtoReader(reader.ReadLengthDelimited());
            while (!packed.IsAtEnd)
            {
                items.Add(ReadValue(ref packed, ProtoWireType.Varint, context, out _));
            }

            return;
        }

        items.Add(ReadValue(ref reader, wireType, context with { Path = $"{context.Path}[{items.Count}]" }, out _));
    }

    private static void ReadMapEntry(ReadOnlySpan<byte> entry, FieldContext context, JsonObject map)
    {
        var key = "";
        JsonNode? value = null;
        var hasValue = false;
        var reader = new ProtoReader(entry);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            switch (number)
            {
                case 1:
                    key = Encoding.UTF8.GetString(context.Expect(wireType, ProtoWireType.LengthDelimited, ref reader));
                    break;
                case 2:
                    value = ReadValue(ref reader, wireType, context, out _);
                    hasValue = true;
                    break;
                default:
                    throw ProtobufDecodeException.UnknownField($"{context.Message.Name}.{context.Field.JsonName} map entry", number, wireType, context.Path);
            }
        }

        if (!hasValue)
        {
            // An absent value is the zero value of its type.
            value = context.Field.Kind switch
            {
                ProtoKind.Bool => JsonValue.Create(false),
                ProtoKind.Int32 or ProtoKind.Int64 => JsonValue.Create(0),
                ProtoKind.Double => JsonValue.Create(0.0),
                _ => FromLengthDelimited([], context, out _),
            };
        }

        map[key] = value;
    }

    private static JsonNode? ReadValue(ref ProtoReader reader, ProtoWireType wireType, FieldContext context, out bool isZero)
    {
        var field = context.Field;
        isZero = false;
        switch (field.Kind)
        {
            case ProtoKind.Bool:
                var flag = context.ExpectVarint(wireType, ref reader) != 0;
                isZero = !flag;
                return JsonValue.Create(flag);
            case ProtoKind.Int32:
                var int32 = (int)(long)context.ExpectVarint(wireType, ref reader);
                isZero = int32 == 0;
                return JsonValue.Create(int32);
            case ProtoKind.Int64:
                var int64 = (long)context.ExpectVarint(wireType, ref reader);
                isZero = int64 == 0;
                return JsonValue.Create(int64);
            case ProtoKind.Double:
                if (wireType != ProtoWireType.Fixed64)
                {
                    throw context.WrongWireType(ProtoWireType.Fixed64, wireType);
                }

                var number = BitConverter.UInt64BitsToDouble(reader.ReadFixed64());
                isZero = number == 0;
                return JsonValue.Create(number);
        }

        return FromLengthDelimited(context.Expect(wireType, ProtoWireType.LengthDelimited, ref reader), context, out isZero);
    }

    private static JsonNode? FromLengthDelimited(ReadOnlySpan<byte> bytes, FieldContext context, out bool isZero)
    {
        var field = context.Field;
        isZero = false;
        switch (field.Kind)
        {
            case ProtoKind.String:
                isZero = bytes.IsEmpty;
                return JsonValue.Create(Encoding.UTF8.GetString(bytes));
            case ProtoKind.Bytes:
                isZero = bytes.IsEmpty;
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case ProtoKind.Message:
                var nested = new JsonObject();
                DecodeInto(nested, bytes, context.Schemas[field.MessageType!], context.Schemas, context.Path, context.Depth + 1);
                return nested;
            case ProtoKind.Inline:
                throw new InvalidOperationException($"inline field {field.Number} of {context.Message.Name} must be a single value");
            default:
                return ProtoWellKnownTypes.Read(field.Kind, bytes, context.Path);
        }
    }

    private static T GetOrAdd<T>(JsonObject target, string name, Func<T> create)
        where T : JsonNode
    {
        if (target[name] is T existing)
        {
            return existing;
        }

        var created = create();
        target[name] = created;
        return created;
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
