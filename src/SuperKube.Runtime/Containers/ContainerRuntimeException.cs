namespace SuperKube.Runtime.Containers;

/// <summary>A runtime operation failed (unknown container, container not running, nothing listening on a port...).</summary>
public class ContainerRuntimeException : Exception
{
    public ContainerRuntimeException()
    {
    }

    public ContainerRuntimeException(string message) : base(message)
    {
    }

    public ContainerRuntimeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
