using System.Text.Json.Nodes;
using static SuperKube.Protobuf.Tests.ProtoBytes;

namespace SuperKube.Protobuf.Tests;

public sealed class ProtobufDecoderTests
{
    /// <summary>The envelope from kubectl-wire.md §0.2 (<c>kubectl create cm c2 --from-literal=a=b</c>), written out in full.</summary>
    private static readonly byte[] WireDocConfigMap = Convert.FromHexString(
        "6b387300" + "0a0f0a0276311209436f6e6669674d6170" + "121c" + "0a120a02633212001a0022002a00320038004200" +
        "12060a0161120162" + "1a002200");

    public static IEnumerable<TheoryDataRow<string>> GoldenNames => GoldenCases.Names;

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Decode_GoldenKubectlBody_MatchesExpectedJson(string name)
    {
        var body = File.ReadAllBytes(GoldenCases.BinPath(name));
        var expected = JsonNode.Parse(File.ReadAllText(GoldenCases.JsonPath(name)));

        var decoded = ProtobufDecoder.Decode(body);

        // Go's JSON writes null for nil fields without omitempty (e.g. "rules": null); protobuf cannot tell nil from
        // absent, and the server treats both alike, so nulls are compared as absent.
        Assert.True(JsonNode.DeepEquals(WithoutNulls(expected), WithoutNulls(decoded)), $"{name}: expected\n{expected}\nbut decoded\n{decoded}");
    }

    internal static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithoutNulls)]);
            default:
                return node?.DeepClone();
        }
    }

    [Fact]
    public void Decode_WireDocEnvelope_ReturnsConfigMapC2()
    {
        var decoded = ProtobufDecoder.Decode(WireDocConfigMap);

        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c2","creationTimestamp":null},"data":{"a":"b"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
        Assert.Equal(["apiVersion", "kind", "metadata", "data"], decoded.Select(p => p.Key));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73 })]
    [InlineData(new byte[] { 0x7b, 0x22, 0x61, 0x22, 0x7d })]
    public void Decode_WithoutMagic_ThrowsNotAnEnvelope(byte[] body)
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(body));

        Assert.Contains("not a Kubernetes protobuf envelope", error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsOnlyDecodeErrors()
    {
        var body = File.ReadAllBytes(GoldenCases.BinPath("deployment"));
        var failures = 0;

        for (var length = 0; length < body.Length; length++)
        {
            try
            {
                ProtobufDecoder.Decode(body.AsSpan(0, length));
            }
            catch (ProtobufDecodeException error)
            {
                Assert.Equal(400, error.StatusCode);
                failures++;
            }
        }

        // Only cuts at the envelope's trailing empty contentEncoding/contentType fields leave a valid body.
        Assert.True(failures >= body.Length - 4, $"{failures} of {body.Length} truncations failed");
    }

    [Fact]
    public void Decode_TruncatedInsideObject_NamesTheProblem()
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(WireDocConfigMap.AsSpan(0, 30)));

        Assert.Contains("exceeds", error.Message);
    }

    [Fact]
    public void Decode_UnknownKind_ThrowsUnsupportedTypeNamingKind()
    {
        var body = Envelope("example.com/v1", "Widget", String(1, "x"));

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(body));

        Assert.True(error.IsUnsupportedType);
        Assert.Equal(415, error.StatusCode);
        Assert.Contains("Widget (example.com/v1)", error.Message);
    }

    [Fact]
    public void Decode_UnknownFieldNumber_ThrowsBadRequestNamingMessageAndNumber()
    {
        var raw = (byte[])[.. Bytes(1, String(1, "cm")), .. Number(99, 7)];

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(Envelope("v1", "ConfigMap", raw)));

        Assert.False(error.IsUnsupportedType);
        Assert.Contains("unknown field number 99", error.Message);
        Assert.Contains("ConfigMap", error.Message);
    }

    [Fact]
    public void Decode_UnknownNestedField_ReportsJsonPath()
    {
        var container = Bytes(2, String(1, "c"), Number(77, 1));
        var raw = Bytes(2, Bytes(3, Bytes(2, container)));

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(Envelope("apps/v1", "Deployment", raw)));

        Assert.Contains("field number 77", error.Message);
        Assert.Contains("Container at spec.template.spec.containers[0]", error.Message);
    }

    [Fact]
    public void Decode_WrongWireType_ThrowsBadRequest()
    {
        var raw = Bytes(1, Number(1, 5));

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(Envelope("v1", "ConfigMap", raw)));

        Assert.Contains("field 1 (name)", error.Message);
        Assert.Contains("expected 2", error.Message);
    }

    [Fact]
    public void Decode_OversizedLengthPrefix_ThrowsBadRequest()
    {
        byte[] raw = [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00];

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(Envelope("v1", "ConfigMap", raw)));

        Assert.Contains("length prefix 4294967295", error.Message);
    }

    [Fact]
    public void Decode_ContentEncodingSet_ThrowsUnsupported()
    {
        byte[] body = [.. "k8s\0"u8, .. Bytes(1, String(1, "v1"), String(2, "ConfigMap")), .. String(3, "gzip")];

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(body));

        Assert.True(error.IsUnsupportedType);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void Decode_MissingTypeMeta_ThrowsBadRequest()
    {
        byte[] body = [.. "k8s\0"u8, .. Bytes(2, String(1, "x"))];

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(body));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("apiVersion and kind", error.Message);
    }

    [Fact]
    public void Decode_PointerZeroAndEmptyMapValue_AreKept()
    {
        var raw = (byte[])[.. Bytes(1, String(1, "cm")), .. Number(4, 0), .. Bytes(3, String(1, "empty"))];

        var decoded = ProtobufDecoder.Decode(Envelope("v1", "ConfigMap", raw));

        Assert.Equal(false, (bool?)decoded["immutable"]);
        Assert.Equal("", (string?)decoded["binaryData"]?["empty"]);
    }

    [Fact]
    public void Decode_SpecialTypes_ConvertToTheirJsonForms()
    {
        var schemas = new ProtoSchemaBuilder()
            .Kind("test/v1", "Sample")
            .Message("Sample", m => m
                .MicroTime(1, "micro").Duration(2, "duration").RawExtension(3, "raw").Int32s(4, "packed")
                .Map(5, "extra", ProtoKind.StringList).Time(6, "time").Double(7, "ratio").IntOrString(8, "port"))
            .Build();
        byte[] packed = [.. Varint(1), .. Varint(300), .. Varint(ulong.MaxValue)];
        var raw = (byte[])[
            .. Bytes(1, Number(1, 1_704_164_645), Number(2, 123_456_789)),
            .. Bytes(2, Number(1, 5_400_000_000_000)),
            .. Bytes(3, Bytes(1, """{"a":[1,true]}"""u8.ToArray())),
            .. Bytes(4, packed),
            .. Bytes(5, String(1, "scopes"), Bytes(2, String(1, "x"), String(1, "y"))),
            .. Bytes(6, Number(1, 1_704_164_645), Number(2, 999)),
            .. Tag(7, ProtoWireType.Fixed64), .. BitConverter.GetBytes(0.25),
            .. Bytes(8, Number(1, 1), Number(2, 0), String(3, "http")),
        ];

        var decoded = ProtobufDecoder.Decode(Envelope("test/v1", "Sample", raw), schemas);

        var expected = JsonNode.Parse("""
            {"apiVersion":"test/v1","kind":"Sample","micro":"2024-01-02T03:04:05.123456Z","duration":"1h30m0s",
             "raw":{"a":[1,true]},"packed":[1,300,-1],"extra":{"scopes":["x","y"]},"time":"2024-01-02T03:04:05Z",
             "ratio":0.25,"port":"http"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decode_TimeOutOfRange_ThrowsBadRequest()
    {
        var raw = Bytes(1, Bytes(8, Number(1, long.MaxValue)));

        var error = Assert.Throws<ProtobufDecodeException>(() => ProtobufDecoder.Decode(Envelope("v1", "ConfigMap", raw)));

        Assert.Contains("metav1.Time at metadata.creationTimestamp is out of range", error.Message);
    }

    [Fact]
    public void Default_Schemas_CoverEveryGeneratorKind()
    {
        var kinds = ProtoSchemas.Default.Kinds.Select(k => $"{k.ApiVersion}/{k.Kind}").ToHashSet();

        string[] expected =
        [
            "v1/Namespace", "v1/ConfigMap", "v1/Secret", "v1/ServiceAccount", "v1/Service", "v1/ResourceQuota",
            "apps/v1/Deployment", "batch/v1/Job", "batch/v1/CronJob", "rbac.authorization.k8s.io/v1/Role",
            "rbac.authorization.k8s.io/v1/ClusterRole", "rbac.authorization.k8s.io/v1/RoleBinding",
            "rbac.authorization.k8s.io/v1/ClusterRoleBinding", "scheduling.k8s.io/v1/PriorityClass",
            "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/Ingress", "autoscaling/v1/HorizontalPodAutoscaler",
            "authentication.k8s.io/v1/TokenRequest", "authentication.k8s.io/v1/SelfSubjectReview",
            "authorization.k8s.io/v1/SelfSubjectAccessReview",
        ];
        Assert.Empty(expected.Except(kinds));
    }

    [Fact]
    public void Build_UnknownMessageReference_Throws()
    {
        var builder = new ProtoSchemaBuilder().Message("A", m => m.Message(1, "b", "Missing"));

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("Missing", error.Message);
    }
}
