using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Hosting;
using SuperKube.Storage;

namespace SuperKube.Testing;

/// <summary>
/// A whole SuperKube cluster inside the test process: the API server on a free loopback port, SQLite in memory,
/// a kubeconfig for kubectl or client libraries, and an in-process <see cref="IKubernetesClient"/>.
/// </summary>
public sealed class SuperKubeCluster : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private SuperKubeCluster(WebApplication app, Uri url, string directory, string kubeconfig, bool ownsDirectory)
    {
        _app = app;
        Url = url;
        DataDirectory = directory;
        KubeconfigPath = kubeconfig;
        _ownsDirectory = ownsDirectory;
    }

    /// <summary>The API server's URL (plain HTTP on 127.0.0.1).</summary>
    public Uri Url { get; }

    /// <summary>The kubeconfig to hand to kubectl (<c>--kubeconfig</c>) or a client library.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The directory holding the kubeconfig.</summary>
    public string DataDirectory { get; }

    /// <summary>The cluster's services (for white-box assertions).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>An in-process client with the API's full semantics.</summary>
    public IKubernetesClient Client => _app.Services.GetRequiredService<IKubernetesClient>();

    /// <summary>Starts a cluster and returns when it answers requests.</summary>
    public static async Task<SuperKubeCluster> StartAsync(Action<SuperKubeClusterOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new SuperKubeClusterOptions();
        configure?.Invoke(options);
        var ownsDirectory = options.DataDirectory is null;
        var directory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "superkube-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var superKube = builder.Services.AddSuperKube();
        options.Configure?.Invoke(superKube);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IResourceStore)))
        {
            superKube.AddSqliteStorage(o => o.Path = ":memory:");
        }

        var app = builder.Build();
        app.MapSuperKubeApi();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("the server reported no address");
        var url = new Uri(address);
        var kubeconfig = await KubeconfigFile.WriteAsync(directory, url, cancellationToken).ConfigureAwait(false);
        return new SuperKubeCluster(app, url, directory, kubeconfig, ownsDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a kubectl cache file may still be open.
            }
        }
    }
}
