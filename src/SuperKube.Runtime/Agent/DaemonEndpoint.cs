namespace SuperKube.Runtime.Agent;

/// <summary>
/// What a node advertises about its streaming server: <c>status.daemonEndpoints.kubeletEndpoint.Port</c>, and the
/// SHA-256 of its serving certificate (null when it serves none), which the API server pins.
/// </summary>
internal sealed record DaemonEndpoint(int Port, string? CertificateSha256)
{
    /// <summary>The kubelet's port and no certificate: nodes whose streams are served in process.</summary>
    public static readonly DaemonEndpoint InProcess = new(10250, null);
}
