using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>
/// An admission webhook served by the test over HTTPS on loopback, with a serving certificate from its own CA (for
/// 127.0.0.1 and <c>webhook.&lt;ns&gt;.svc</c> names). /mutate adds the label <c>webhook-added=yes</c>; /validate
/// denies objects labelled <c>deny=yes</c> (403) and warns about the others; /slow answers after 3 seconds.
/// Every review it receives is kept for inspection.
/// </summary>
public sealed class TestWebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebhookServer(WebApplication app, string caPem)
    {
        _app = app;
        CaBundle = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem));
    }

    /// <summary>The base64 PEM of the CA that signed the serving certificate (a webhook's <c>caBundle</c>).</summary>
    public string CaBundle { get; }

    public int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    public string Url(string path) => $"https://127.0.0.1:{Port}{path}";

    /// <summary>The AdmissionReview requests received, in order.</summary>
    public List<JsonObject> Reviews { get; } = [];

    public static async Task<TestWebhookServer> StartAsync(params string[] serviceHosts)
    {
        var (ca, serving) = Certificates(serviceHosts);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(serving)));
        var app = builder.Build();
        var server = new TestWebhookServer(app, ca.ExportCertificatePem());
        app.MapPost("/mutate", async (HttpContext http) => await server.AnswerAsync(http, Mutate));
        app.MapPost("/validate", async (HttpContext http) => await server.AnswerAsync(http, Validate));
        app.MapPost("/slow", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted);
            await server.AnswerAsync(http, (_, response) => response["allowed"] = true);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext http, Action<JsonObject, JsonObject> decide)
    {
        var review = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var request = review["request"]!.AsObject();
        lock (Reviews)
        {
            Reviews.Add(request);
        }

        var response = new JsonObject { ["uid"] = request["uid"]!.GetValue<string>() };
        decide(request, response);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response }.ToJsonString());
    }

    private static void Mutate(JsonObject request, JsonObject response)
    {
        var hasLabels = request["object"]?["metadata"]?["labels"] is JsonObject;
        JsonNode patch = hasLabels
            ? new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels/webhook-added", ["value"] = "yes" })
            : new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels", ["value"] = new JsonObject { ["webhook-added"] = "yes" } });
        response["allowed"] = true;
        response["patchType"] = "JSONPatch";
        response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch.ToJsonString()));
    }

    private static void Validate(JsonObject request, JsonObject response)
    {
        var denied = request["object"]?["metadata"]?["labels"]?["deny"]?.GetValue<string>() == "yes";
        response["allowed"] = !denied;
        if (denied)
        {
            response["status"] = new JsonObject { ["code"] = 403, ["reason"] = "Forbidden", ["message"] = "objects labelled deny=yes are not allowed" };
        }
        else
        {
            response["warnings"] = new JsonArray("checked by the test webhook");
        }
    }

    private static (X509Certificate2 Ca, X509Certificate2 Serving) Certificates(string[] serviceHosts)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=webhook-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=webhook", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        foreach (var host in serviceHosts)
        {
            names.AddDnsName(host);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, now.AddMinutes(-5), now.AddDays(1), [1, 2, 3, 4, 5, 6, 7, 8]);
        using var withKey = signed.CopyWithPrivateKey(key);
        var serving = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (ca, serving);
    }
}
