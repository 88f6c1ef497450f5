using System.ComponentModel.DataAnnotations;

namespace SuperKube.Runtime.Streaming.NodeServer;

/// <summary>Settings of a remote node's streaming server (the kubelet's port 10250), which only the API server may use.</summary>
public sealed class NodeStreamServerOptions
{
    /// <summary>The TCP port to listen on, on all addresses; 0 picks a free one. Default: 10250, the kubelet's.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 10250;

    /// <summary>
    /// PEM of the cluster CA (the server's <c>DATA_DIR/pki/ca.crt</c>): only a client certificate it signed for the API
    /// server is accepted. Required.
    /// </summary>
    [Required]
    public string ClusterAuthorityPem { get; set; } = "";
}
