namespace SuperKube.Runtime.Agent;

/// <summary>
/// A container cannot be configured: a referenced ConfigMap, Secret or key is missing. <see cref="Volume"/> is set
/// when a volume could not be mounted (FailedMount) rather than the environment built (CreateContainerConfigError).
/// </summary>
internal sealed class ContainerConfigException : Exception
{
    public ContainerConfigException()
    {
    }

    public ContainerConfigException(string message) : base(message)
    {
    }

    public ContainerConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ContainerConfigException(string message, string volume) : base(message) => Volume = volume;

    public string? Volume { get; }
}
