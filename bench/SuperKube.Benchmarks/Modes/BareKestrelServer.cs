using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The baseline of the GET benchmark, run as its own process: a slim ASP.NET Core app with one endpoint that answers
/// fixed bytes with the same status and headers as the API server (Content-Type, Content-Length, Date, Server).
/// Arguments: <c>--port P --path /api/... --body FILE --content-type TYPE [--tls-cert CERT.pem --tls-key KEY.pem]</c>
/// (HTTPS with that certificate when given, so TLS costs the same on both sides of a comparison).
/// </summary>
internal static class BareKestrelServer
{
    public const string ModeName = "bare-kestrel";

    public static async Task<int> RunAsync(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var port = int.Parse(values["--port"], CultureInfo.InvariantCulture);
        var body = await File.ReadAllBytesAsync(values["--body"]);
        var contentType = values["--content-type"];

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        using var pem = values.TryGetValue("--tls-cert", out var certFile) ? X509Certificate2.CreateFromPemFile(certFile, values["--tls-key"]) : null;
        // Re-imported so SslStream can use the private key on every platform (as the server does with the same files).
        using var certificate = pem is null ? null : X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        await using var app = builder.Build();
        app.MapGet(values["--path"], context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        });
        await app.RunAsync();
        return 0;
    }
}
