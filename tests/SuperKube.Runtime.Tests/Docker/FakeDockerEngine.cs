using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Docker.Client;

namespace SuperKube.Runtime.Docker.Tests;

/// <summary>
/// A stand-in Docker engine on a temporary unix socket that answers version, image inspect and image pull, and
/// records the <c>X-Registry-Auth</c> header of each pull (images are absent until pulled).
/// </summary>
internal sealed class FakeDockerEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, bool> _pulled = new(StringComparer.Ordinal);

    private FakeDockerEngine(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
    }

    /// <summary>The pulls received: the <c>fromImage</c> and <c>tag</c> query values and the auth header (null when absent).</summary>
    public ConcurrentQueue<(string Image, string? Auth)> Pulls { get; } = new();

    public DockerEndpoint Endpoint => DockerEndpoint.Parse("unix://" + Socket);

    private string Socket => Path.Combine(_directory, "docker.sock");

    public static async Task<FakeDockerEngine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var directory = Directory.CreateTempSubdirectory("superkube-fake-docker-").FullName;
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(Path.Combine(directory, "docker.sock")));
        var app = builder.Build();
        var engine = new FakeDockerEngine(app, directory);
        app.Run(engine.HandleAsync);
        await app.StartAsync();
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/version", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["Version"] = "20.10.0", ["ApiVersion"] = "1.41" });
        }
        else if (path.EndsWith("/images/create", StringComparison.Ordinal) && HttpMethods.IsPost(context.Request.Method))
        {
            var image = $"{context.Request.Query["fromImage"]}:{context.Request.Query["tag"]}";
            Pulls.Enqueue((image, context.Request.Headers["X-Registry-Auth"].FirstOrDefault()));
            _pulled[image] = true;
            await context.Response.WriteAsync("{\"status\":\"Downloaded newer image\"}\n");
        }
        else if (path.Contains("/images/", StringComparison.Ordinal) && path.EndsWith("/json", StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(path[(path.IndexOf("/images/", StringComparison.Ordinal) + 8)..^5]);
            if (_pulled.ContainsKey(name))
            {
                await context.Response.WriteAsync("{\"Id\":\"sha256:0123\",\"Size\":42,\"Config\":{\"User\":\"\"}}");
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("{\"message\":\"No such image: " + name + "\"}");
            }
        }
        else
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"message\":\"page not found\"}");
        }
    }
}
