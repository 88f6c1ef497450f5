namespace SuperKube.Runtime.Containers;

/// <summary>Signals the agent sends to a container's main process.</summary>
public enum ContainerSignal
{
    /// <summary>SIGKILL (9): ends the process at once; exit code 137.</summary>
    Kill = 9,

    /// <summary>SIGTERM (15): asks the process to stop; exit code 143 unless it handles it.</summary>
    Terminate = 15,
}
