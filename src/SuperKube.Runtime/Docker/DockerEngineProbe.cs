using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Client;

namespace SuperKube.Runtime.Docker;

/// <summary>Tells whether a Docker engine answers, for hosts that pick a runtime automatically.</summary>
public static class DockerEngineProbe
{
    /// <summary>
    /// Null when the engine at <paramref name="host"/> (DOCKER_HOST or the default socket when null) answers
    /// <c>GET /version</c> within <paramref name="timeout"/>; otherwise why not.
    /// </summary>
    public static async Task<string?> UnavailableReasonAsync(string? host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        DockerEndpoint endpoint;
        try
        {
            endpoint = host is null ? DockerEndpoint.FromEnvironment() : DockerEndpoint.Parse(host);
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        using var client = new DockerClient(endpoint);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await client.GetVersionAsync(limit.Token).ConfigureAwait(false);
            return null;
        }
        catch (ContainerRuntimeException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the Docker engine at {endpoint} did not answer within {timeout.TotalSeconds:0} s";
        }
    }
}
