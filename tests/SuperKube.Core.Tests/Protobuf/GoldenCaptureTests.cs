using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Protobuf.Tests;

/// <summary>
/// Runs the installed kubectl for every golden case and checks that what it POSTs today decodes to the expected
/// JSON (kubectl's own dry-run output). With <c>SUPERKUBE_CAPTURE_PROTOBUF=1</c> it also rewrites the golden files
/// (see Golden/README.md).
/// </summary>
public sealed class GoldenCaptureTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Capture_LiveKubectl_BodiesDecodeToKubectlsOwnJson()
    {
        var rewrite = Environment.GetEnvironmentVariable("SUPERKUBE_CAPTURE_PROTOBUF") == "1";
        await using var server = await KubectlCaptureServer.StartAsync();
        var files = await WriteInputFilesAsync(server.ScratchDirectory);

        foreach (var golden in GoldenCases.All)
        {
            var args = golden.Args.Select(a => files.Aggregate(a, (s, f) => s.Replace(f.Key, f.Value, StringComparison.Ordinal))).ToArray();
            var resolved = golden with { Args = args };
            var before = server.Requests.Count;

            await server.RunKubectlAsync(resolved.Args);

            var posted = server.Requests.Skip(before).ToList();
            Assert.True(posted.Count == 1, $"{golden.Name}: expected one POST, got {posted.Count}");
            Assert.True(posted[0].ContentType == "application/vnd.kubernetes.protobuf", $"{golden.Name}: sent {posted[0].ContentType}");
            var expected = golden.DryRunJson
                ? JsonNode.Parse(await server.RunKubectlAsync(resolved.ArgsWith("--dry-run=client", "-o", "json")))
                : JsonNode.Parse(await File.ReadAllTextAsync(GoldenCases.JsonPath(golden.Name), TestContext.Current.CancellationToken));
            var decoded = ProtobufDecoder.Decode(posted[0].Body);
            Assert.True(
                JsonNode.DeepEquals(ProtobufDecoderTests.WithoutNulls(expected), ProtobufDecoderTests.WithoutNulls(decoded)),
                $"{golden.Name}: kubectl sent\n{expected}\nbut it decoded to\n{decoded}");
            if (rewrite)
            {
                await File.WriteAllBytesAsync(GoldenCases.BinPath(golden.Name), posted[0].Body, TestContext.Current.CancellationToken);
                if (golden.DryRunJson)
                {
                    await File.WriteAllTextAsync(GoldenCases.JsonPath(golden.Name), expected!.ToJsonString(Indented) + "\n", TestContext.Current.CancellationToken);
                }
            }
        }
    }

    private static async Task<Dictionary<string, string>> WriteInputFilesAsync(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=capture.example", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var files = new Dictionary<string, string>
        {
            [GoldenCases.CertFile] = Path.Combine(directory, "tls.crt"),
            [GoldenCases.KeyFile] = Path.Combine(directory, "tls.key"),
            [GoldenCases.BinaryFile] = Path.Combine(directory, "blob.bin"),
        };
        await File.WriteAllTextAsync(files[GoldenCases.CertFile], cert.ExportCertificatePem());
        await File.WriteAllTextAsync(files[GoldenCases.KeyFile], key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllBytesAsync(files[GoldenCases.BinaryFile], [0x00, 0xff, 0xfe, 0x80, 0x01, 0x6b, 0x38, 0x73]);
        return files;
    }
}
