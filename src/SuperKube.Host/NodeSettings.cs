namespace SuperKube.Host;

/// <summary>The settings of <c>superkube node</c>.</summary>
internal sealed record NodeSettings
{
    public required Uri Server { get; init; }

    public string? Token { get; init; }

    /// <summary>PEM file of the CA that signs the server's certificate (<c>--ca-file</c>); null to use the system roots.</summary>
    public string? CaFile { get; init; }

    public required string NodeName { get; init; }

    public string Runtime { get; init; } = "fake";

    /// <summary>The node's pod range; null to take the first free /24 of 10.244.0.0/16.</summary>
    public string? PodCidr { get; init; }

    public string? DataDir { get; init; }

    /// <summary>The port of the streaming server the API server dials for logs, exec, attach and port-forward (0: any free one).</summary>
    public int StreamingPort { get; init; } = 10250;
}
