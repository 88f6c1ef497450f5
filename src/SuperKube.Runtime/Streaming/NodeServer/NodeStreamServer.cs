using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Agent;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Streaming;
using SuperKube.Streaming.Remote;

namespace SuperKube.Runtime.Streaming.NodeServer;

/// <summary>
/// The streaming server of a remote node (the kubelet's port 10250): HTTPS with a self-signed certificate that the
/// node agent pins in its Node, requiring the API server's client certificate (<see cref="NodeStreaming"/>); serves
/// <see cref="NodeStreamRequests"/> for the pods of this process's node agent.
/// </summary>
internal sealed partial class NodeStreamServer(
    IOptions<NodeStreamServerOptions> options,
    IOptions<NodeAgentOptions> agentOptions,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<DaemonEndpoint> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger = loggers.CreateLogger<NodeStreamServer>();
    private WebApplication? _app;

    /// <summary>Completes with the bound port and the certificate's fingerprint once the server listens.</summary>
    public Task<DaemonEndpoint> Listening => _listening.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _listening.TrySetResult(await ListenAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            _listening.TrySetException(ex);
            throw;
        }
    }

    private async Task<DaemonEndpoint> ListenAsync(CancellationToken cancellationToken)
    {
        var nodeName = agentOptions.Value.NodeName;
        var authority = X509Certificate2.CreateFromPem(options.Value.ClusterAuthorityPem);
        var serving = NodeStreaming.CreateServingCertificate(nodeName, time.GetUtcNow());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(NodeStreamServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Any, options.Value.Port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serving,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) => NodeStreaming.IsApiServer(certificate, authority),
        })));
        _app = builder.Build();
        var provider = services.GetServices<IPodStreamProvider>().OfType<NodePodStreamProvider>().Single();
        var requests = new NodeStreamRequests(provider, nodeName, time);
        _app.Run(requests.HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = int.Parse(address.AsSpan(address.LastIndexOf(':') + 1).TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        Log.Listening(_logger, nodeName, port);
        return new DaemonEndpoint(port, NodeStreaming.Fingerprint(serving));
    }

    /// <summary>Stops at once, cutting open streams (as a stopping kubelet does): the API server ends them towards its clients.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            try
            {
                await _app.StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Connections aborted, as asked.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.NodeStreams, LogLevel.Information, "Node {Node} serves container streams to the API server on port {Port} (HTTPS, client certificate required)")]
        public static partial void Listening(ILogger logger, string node, int port);
    }
}
