namespace SuperKube.Runtime.Agent;

/// <summary>Whether an exited container restarts under the pod's restartPolicy.</summary>
internal static class RestartPolicies
{
    public static bool ShouldRestart(string restartPolicy, int exitCode) => restartPolicy switch
    {
        "Never" => false,
        "OnFailure" => exitCode != 0,
        _ => true,
    };
}
