using System.Text;
using System.Text.Json.Nodes;

namespace SuperKube.Protobuf;

/// <summary>
/// Decodes a Kubernetes protobuf request body (<c>application/vnd.kubernetes.protobuf</c>): the 4-byte magic
/// <c>k8s\0</c>, then a runtime.Unknown {typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3,
/// contentType = 4} whose raw bytes are the object in its generated.proto layout. The result is the same JSON object
/// a client would have sent as application/json, with <c>apiVersion</c> and <c>kind</c> first.
/// </summary>
internal static class ProtobufDecoder
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Decodes with the built-in schema tables.</summary>
    /// <exception cref="ProtobufDecodeException">Malformed input (400) or a kind without a schema (415).</exception>
    public static JsonObject Decode(ReadOnlySpan<byte> body) => Decode(body, ProtoSchemas.Default);

    public static JsonObject Decode(ReadOnlySpan<byte> body, ProtoSchemas schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        if (!body.StartsWith(Magic))
        {
            throw ProtobufDecodeException.Malformed("the request body is not a Kubernetes protobuf envelope (it does not start with \"k8s\\0\")");
        }

        string apiVersion = "", kind = "", contentEncoding = "", contentType = "";
        ReadOnlySpan<byte> raw = [];
        var reader = new ProtoReader(body[Magic.Length..]);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (wireType != ProtoWireType.LengthDelimited || number > 4)
            {
                throw ProtobufDecodeException.UnknownField("runtime.Unknown", number, wireType, "");
            }

            var value = reader.ReadLengthDelimited();
            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(value);
                    break;
                case 2:
                    raw = value;
                    break;
                case 3:
                    contentEncoding = Encoding.UTF8.GetString(value);
                    break;
                default:
                    contentType = Encoding.UTF8.GetString(value);
                    break;
            }
        }

        if (contentEncoding.Length > 0)
        {
            throw ProtobufDecodeException.Unsupported($"protobuf content encoding \"{contentEncoding}\" is not supported");
        }

        if (contentType.Length > 0 && contentType != MediaType)
        {
            throw ProtobufDecodeException.Unsupported($"protobuf envelope content type \"{contentType}\" is not supported");
        }

        if (apiVersion.Length == 0 || kind.Length == 0)
        {
            throw ProtobufDecodeException.Malformed("the protobuf envelope does not name the object's apiVersion and kind");
        }

        if (!schemas.TryGetKind(apiVersion, kind, out var message))
        {
            throw ProtobufDecodeException.Unsupported(
                $"decoding kind {kind} ({apiVersion}) from {MediaType} is not supported; send it as application/json");
        }

        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        ProtoJsonDecoder.DecodeInto(result, raw, message, schemas, "", 0);
        return result;
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> data)
    {
        string apiVersion = "", kind = "";
        var reader = new ProtoReader(data);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (wireType != ProtoWireType.LengthDelimited || number > 2)
            {
                throw ProtobufDecodeException.UnknownField("runtime.TypeMeta", number, wireType, "typeMeta");
            }

            var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            if (number == 1)
            {
                apiVersion = text;
            }
            else
            {
                kind = text;
            }
        }

        return (apiVersion, kind);
    }
}
