namespace SuperKube.Runtime.Containers;

/// <summary>When a container's image is pulled (the pod spec's <c>imagePullPolicy</c>).</summary>
public enum ImagePullPolicy
{
    /// <summary>Pull only when the image is not present on the node.</summary>
    IfNotPresent,

    /// <summary>Pull every time a container starts.</summary>
    Always,

    /// <summary>Never pull; fail when the image is not present.</summary>
    Never,
}
