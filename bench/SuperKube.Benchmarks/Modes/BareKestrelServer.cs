using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The baseline of the GET benchmark, run as its own process: a slim ASP.NET Core app with one endpoint that answers
/// fixed bytes with the same status and headers as the API server (Content-Type, Content-Length, Date, Server).
/// Arguments: <c>--port P --path /api/... --body FILE --content-type TYPE</c>.
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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
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
