using System.ComponentModel.DataAnnotations;

namespace SuperKube.Streaming.Remote;

/// <summary>How the API server dials the streaming servers of remote nodes (<c>superkube node</c>).</summary>
public sealed class NodeDialOptions
{
    /// <summary>
    /// How long the health check made before an exec, attach or port-forward upgrade is answered may take, from the
    /// TCP connect through the TLS handshake to the node's answer. A node that does not answer within it (stopped
    /// without closing its port, or its packets dropped) fails fast with
    /// <c>error dialing backend: dial tcp HOST:PORT: i/o timeout</c>, as kube-apiserver reports a kubelet it cannot
    /// reach, instead of waiting for the kernel to give up on the connect (about two minutes). Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
