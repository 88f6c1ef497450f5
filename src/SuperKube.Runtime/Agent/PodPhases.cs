namespace SuperKube.Runtime.Agent;

/// <summary>The pod phase from its containers, by the kubelet's rules.</summary>
internal static class PodPhases
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    /// <summary>
    /// Computes the phase. <paramref name="terminating"/> means no container will be (re)started any more (the pod is
    /// being deleted), so stopped containers make the pod terminal whatever the restart policy.
    /// </summary>
    public static string Compute(IReadOnlyList<ContainerView> containers, string restartPolicy, bool terminating = false)
    {
        var init = containers.Where(c => c.Init).ToList();
        var app = containers.Where(c => !c.Init).ToList();
        if (terminating)
        {
            if (containers.Any(c => c.IsRunning))
            {
                return Running;
            }

            return init.All(c => c.Succeeded) && app.All(c => c.Succeeded) ? Succeeded : Failed;
        }

        if (!init.All(c => c.Succeeded))
        {
            var failedForGood = restartPolicy == "Never" && init.Any(c => c.IsTerminated && !c.Succeeded);
            return failedForGood ? Failed : Pending;
        }

        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var c in app)
        {
            if (c.IsRunning)
            {
                running++;
            }
            else if (c.IsTerminated)
            {
                stopped++;
                succeeded += c.Succeeded ? 1 : 0;
            }
            else if (c.LastTerminated is not null)
            {
                stopped++; // waiting to restart: counts as stopped, as the kubelet does
                succeeded += c.LastTerminated.ExitCode == 0 ? 1 : 0;
            }
            else
            {
                waiting++;
            }
        }

        if (waiting > 0)
        {
            return Pending;
        }

        if (running > 0)
        {
            return Running;
        }

        if (stopped > 0)
        {
            return restartPolicy switch
            {
                "Always" => Running,
                _ when stopped == succeeded => Succeeded,
                "Never" => Failed,
                _ => Running, // OnFailure: the failed containers restart
            };
        }

        return Pending;
    }
}
