using System.Net;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>The Docker engine answered a request with an error status.</summary>
internal sealed class DockerApiException(HttpStatusCode statusCode, string message) : ContainerRuntimeException(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
