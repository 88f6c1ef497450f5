namespace SuperKube.Runtime.Containers;

/// <summary>A runtime backend's name (<c>fake</c>, <c>docker</c>) and version.</summary>
public sealed record RuntimeVersion(string Name, string Version)
{
    /// <summary>The form Kubernetes shows in <c>nodeInfo.containerRuntimeVersion</c>: <c>name://version</c>.</summary>
    public override string ToString() => $"{Name}://{Version}";
}
