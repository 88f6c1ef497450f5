using System.Net;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// A real pod on the Docker bridge for <see cref="ServiceProxyMode"/>: a sandbox and a busybox container that answers
/// every connection on port 8080 with a stream of zeros (<c>nc -ll -e dd if=/dev/zero bs=1M count=N</c>) and closes.
/// </summary>
internal sealed class StreamingPod : IAsyncDisposable
{
    public const int Port = 8080;

    private readonly DockerContainerRuntime _runtime;
    private readonly string _sandbox;

    private StreamingPod(DockerContainerRuntime runtime, string sandbox, IPAddress address)
    {
        _runtime = runtime;
        _sandbox = sandbox;
        Address = address;
    }

    public IPAddress Address { get; }

    public static async Task<StreamingPod> StartAsync(string image, int megabytes, CancellationToken cancellationToken)
    {
        var runtime = new DockerContainerRuntime(TimeProvider.System, Options.Create(new DockerRuntimeOptions()));
        string? sandbox = null;
        try
        {
            await runtime.PullImageAsync(image, ImagePullPolicy.Never, null, cancellationToken);
            sandbox = await runtime.CreateSandboxAsync(new PodSandboxSpec { PodUid = Guid.NewGuid().ToString(), Namespace = "bench", Name = "stream" }, cancellationToken);
            var container = await runtime.CreateContainerAsync(sandbox, new ContainerSpec
            {
                Name = "stream",
                Image = image,
                Command = ["nc", "-ll", "-p", $"{Port}", "-e", "sh", "-c", $"dd if=/dev/zero bs=1M count={megabytes} 2>/dev/null"],
            }, cancellationToken);
            await runtime.StartContainerAsync(container, cancellationToken);
            var ip = await runtime.GetSandboxIpAsync(sandbox, cancellationToken) ?? throw new InvalidOperationException("the pod has no IP");
            return new StreamingPod(runtime, sandbox, IPAddress.Parse(ip));
        }
        catch
        {
            if (sandbox is not null)
            {
                await runtime.RemoveSandboxAsync(sandbox, CancellationToken.None);
            }

            runtime.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _runtime.RemoveSandboxAsync(_sandbox, CancellationToken.None);
        _runtime.Dispose();
    }
}
