namespace SuperKube.Runtime.Containers;

/// <summary>An image could not be pulled; <see cref="Reason"/> is the container waiting reason (<c>ErrImagePull</c>, <c>ErrImageNeverPull</c>).</summary>
public sealed class ImagePullException : ContainerRuntimeException
{
    public ImagePullException() : this("ErrImagePull", "image pull failed")
    {
    }

    public ImagePullException(string message) : this("ErrImagePull", message)
    {
    }

    public ImagePullException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = "ErrImagePull";
    }

    public ImagePullException(string reason, string message) : base(message)
    {
        Reason = reason;
    }

    /// <summary>The Kubernetes waiting reason for this failure.</summary>
    public string Reason { get; } = "ErrImagePull";
}
