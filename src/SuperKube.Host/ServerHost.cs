using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SuperKube.Host;

/// <summary>Builds, starts and runs the server process: Kestrel + the SuperKube API on SQLite.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, Uri url, string kubeconfigPath)
    {
        _app = app;
        Url = url;
        KubeconfigPath = kubeconfigPath;
    }

    public Uri Url { get; }

    public string KubeconfigPath { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<int> RunAsync(ServerSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ServerHost host;
        try
        {
            host = await StartAsync(settings, output, cancellationToken);
        }
        catch (Exception ex) when (StartupFailure.IsExpected(ex))
        {
            await output.WriteLineAsync(StartupFailure.Describe(ex));
            return 1;
        }

        await using (host)
        {
            await output.WriteLineAsync("Press Ctrl-C to stop.");
            await host._app.WaitForShutdownAsync(cancellationToken);
            await output.WriteLineAsync("SuperKube stopped.");
        }

        return 0;
    }

    public static async Task<ServerHost> StartAsync(ServerSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await output.WriteLineAsync($"{BuildVersion.Line}, Kubernetes API v1.32");
        Directory.CreateDirectory(settings.DataDir);
        var postgres = settings.PostgresConnectionString();
        var databasePath = postgres is null ? settings.SqlitePath() : null;
        await output.WriteLineAsync($"Data directory: {settings.DataDir}");
        await output.WriteLineAsync(postgres is null ? $"Storage: SQLite at {databasePath}" : $"Storage: PostgreSQL at {SuperKube.Storage.Postgres.PostgresUrl.Describe(postgres)}");

        // No appsettings reload: its file watcher would wake on every SQLite write in the data directory (the content root).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = settings.DataDir,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // start-up failures are reported by RunAsync
        var pki = ServerSecurity.Prepare(settings);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Parse(settings.Host), settings.Port, listen =>
            {
                if (pki is not null)
                {
                    ServerSecurity.UseTls(listen, pki);
                }
            });
        });
        var superKube = builder.Services.AddSuperKube();
        builder.Services.Configure<SuperKube.Services.ServiceNetworkOptions>(o => (o.ServiceCidr, o.NodePortRange) = (settings.ServiceCidr, settings.NodePortRange));
        builder.Services.Configure<SuperKube.Security.Limits.RequestLimitsOptions>(o =>
            (o.MaxRequestsInFlight, o.MaxMutatingRequestsInFlight, o.MaxWatchesPerUser) = (settings.Limits.MaxRequestsInFlight, settings.Limits.MaxMutatingRequestsInFlight, settings.Limits.MaxWatchesPerUser));
        _ = postgres is null
            ? superKube.AddSqliteStorage(o => o.Path = databasePath!)
            : superKube.AddPostgresStorage(o => o.ConnectionString = postgres).ConfigurePostgresLeases(o =>
            {
                o.LeaseDuration = settings.LeaseDuration;
                o.RenewInterval = settings.LeaseDuration / 3;
                o.RetryInterval = TimeSpan.FromTicks(Math.Min(settings.LeaseDuration.Ticks / 10, TimeSpan.FromSeconds(2).Ticks));
            });
        superKube.AddBuiltInControllers().AddScheduler();
        if (pki is not null)
        {
            superKube.AddSecurity(pki);
        }

        if (settings.Audit.LogPath is { } auditLog)
        {
            superKube.AddAudit(o =>
            {
                (o.LogPath, o.PolicyFile) = (Path.GetFullPath(auditLog), settings.Audit.PolicyFile is { } p ? Path.GetFullPath(p) : null);
                (o.MaxSizeMegabytes, o.MaxBackups, o.MaxAge) = (settings.Audit.MaxSizeMegabytes, settings.Audit.MaxBackups, settings.Audit.MaxAge);
            });
            await output.WriteLineAsync($"Audit log: {Path.GetFullPath(auditLog)} ({(settings.Audit.PolicyFile is { } policy ? "policy " + Path.GetFullPath(policy) : "Metadata level for every request")})");
        }
        else if (settings.Audit.PolicyFile is not null)
        {
            throw new ArgumentException("--audit-policy-file needs --audit-log-path");
        }

        await EmbeddedNodes.AddAsync(superKube, settings, output, cancellationToken);
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapSuperKubeApi();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"{(pki is null ? "http" : "https")}://{settings.Host}:{settings.Port}";
        var url = ClientUrl(new Uri(address));
        var kubeconfig = await SuperKube.Hosting.KubeconfigFile.WriteAsync(settings.DataDir, url, ServerSecurity.Credentials(pki), cancellationToken);
        await ServerSecurity.DescribeAsync(output, url.ToString().TrimEnd('/'), pki);
        await output.WriteLineAsync($"Kubeconfig written to {kubeconfig}");
        await output.WriteLineAsync($"  export KUBECONFIG={kubeconfig}");
        await EmbeddedNodes.WaitAsync(app.Services, output, cancellationToken);
        await output.WriteLineAsync($"Ready in {clock.ElapsedMilliseconds} ms.");
        return new ServerHost(app, url, kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri ClientUrl(Uri listening)
    {
        var host = listening.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : listening.Host;
        return new UriBuilder(listening) { Host = host }.Uri;
    }
}
