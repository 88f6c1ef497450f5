using Microsoft.Extensions.DependencyInjection;
using SuperKube.DependencyInjection;
using SuperKube.Runtime.Docker;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Host;

/// <summary>The <c>--runtime</c> choice of <c>superkube server</c> and <c>superkube node</c>: docker, fake, or auto.</summary>
internal static class ContainerRuntimes
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>docker</c> or <c>fake</c> for <paramref name="requested"/>: <c>auto</c> is Docker when the engine answers, else
    /// Fake with the reason printed; <c>docker</c> without an engine throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static async Task<string> ResolveAsync(string requested, TextWriter output, CancellationToken cancellationToken)
    {
        if (requested == "fake")
        {
            return "fake";
        }

        var unavailable = await DockerEngineProbe.UnavailableReasonAsync(null, ProbeTimeout, cancellationToken);
        if (unavailable is null)
        {
            return "docker";
        }

        if (requested == "docker")
        {
            throw new InvalidOperationException($"--runtime docker: {unavailable}");
        }

        await output.WriteLineAsync($"Runtime auto: using the Fake runtime ({unavailable}).");
        return "fake";
    }

    /// <summary>
    /// Registers the resolved runtime (<c>docker</c> or <c>fake</c>). With Docker, the node's proxy also serves cluster
    /// IPs, so pods reach ClusterIP Services (see docs/services.md).
    /// </summary>
    public static ISuperKubeBuilder Add(ISuperKubeBuilder builder, string runtime)
    {
        if (runtime != "docker")
        {
            return builder.AddFakeRuntime();
        }

        builder.Services.Configure<ServiceProxyOptions>(o => o.ServeClusterIps = true);
        return builder.AddDockerRuntime();
    }
}
