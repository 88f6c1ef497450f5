namespace SuperKube.Runtime.Containers;

/// <summary>The lifecycle state of a runtime container.</summary>
public enum ContainerState
{
    /// <summary>Created but not started.</summary>
    Created,

    /// <summary>The main process runs.</summary>
    Running,

    /// <summary>The main process has ended; see the exit code and reason.</summary>
    Exited,

    /// <summary>The runtime cannot tell.</summary>
    Unknown,
}
