using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>
/// The Ready, Status and Restarts cells of a pod, computed like the real printer: the phase (or
/// <c>status.reason</c>) refined by init container progress, then by the container states, then by deletion.
/// </summary>
/// <param name="Ready">Containers that are ready and running, plus started and ready sidecars.</param>
/// <param name="Total">Containers plus sidecar (restartable init) containers.</param>
/// <param name="Reason">The Status cell.</param>
/// <param name="Restarts">The restart count of the containers that count (see the real printer).</param>
/// <param name="LastRestart">When the most recent counted restart's previous container finished.</param>
internal sealed record PodStatusSummary(int Ready, int Total, string Reason, long Restarts, DateTimeOffset? LastRestart)
{
    /// <summary>Summarises a pod.</summary>
    public static PodStatusSummary Of(JsonObject pod)
    {
        var spec = Object(pod, "spec");
        var status = Object(pod, "status");
        var initSpecs = ObjectList(spec, "initContainers");
        var sidecars = initSpecs.Where(c => Str(c, "restartPolicy") == "Always").Select(c => Text(c, "name")).ToList();
        var total = (int)Count(spec, "containers") + sidecars.Count;
        var phase = Text(status, "phase");
        var reason = Str(status, "reason") is { Length: > 0 } statusReason ? statusReason : phase;
        if (ObjectList(status, "conditions").Any(c => Str(c, "type") == "PodScheduled" && Str(c, "reason") == "SchedulingGated"))
        {
            reason = "SchedulingGated";
        }

        var ready = 0;
        long restarts = 0, sidecarRestarts = 0;
        DateTimeOffset? last = null, sidecarLast = null;
        var initializing = false;
        var initStatuses = ObjectList(status, "initContainerStatuses");
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i];
            var isSidecar = sidecars.Contains(Text(container, "name"));
            var finished = Time(container, "lastState", "terminated", "finishedAt");
            restarts += Int(container, "restartCount");
            last = Latest(last, finished);
            if (isSidecar)
            {
                sidecarRestarts += Int(container, "restartCount");
                sidecarLast = Latest(sidecarLast, finished);
            }

            var terminated = Object(container, "state", "terminated");
            var waiting = Text(container, "state", "waiting", "reason");
            if (terminated is not null && Int(terminated, "exitCode") == 0)
            {
                continue;
            }

            if (isSidecar && Bool(container, "started"))
            {
                ready += Bool(container, "ready") ? 1 : 0;
                continue;
            }

            reason = terminated is not null ? "Init:" + TerminatedReason(terminated)
                : waiting.Length > 0 && waiting != "PodInitializing" ? "Init:" + waiting
                : $"Init:{i}/{initSpecs.Count}";
            initializing = true;
            break;
        }

        if (!initializing || ConditionTrue(status, "Initialized", "conditions"))
        {
            restarts = sidecarRestarts;
            last = sidecarLast;
            var hasRunning = false;
            var statuses = ObjectList(status, "containerStatuses");
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += Int(container, "restartCount");
                last = Latest(last, Time(container, "lastState", "terminated", "finishedAt"));
                var waiting = Text(container, "state", "waiting", "reason");
                var terminated = Object(container, "state", "terminated");
                if (waiting.Length > 0)
                {
                    reason = waiting;
                }
                else if (terminated is not null)
                {
                    reason = TerminatedReason(terminated);
                }
                else if (Bool(container, "ready") && Object(container, "state", "running") is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = ConditionTrue(status, "Ready", "conditions") ? "Running" : "NotReady";
            }
        }

        if (ObjectCells.Deleting(pod))
        {
            if (Str(status, "reason") == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }

        return new PodStatusSummary(ready, total, reason, restarts, last);
    }

    /// <summary>The Restarts cell: <c>3</c>, or <c>3 (2m ago)</c> when the last restart time is known.</summary>
    public string RestartsText(DateTimeOffset now) =>
        Restarts != 0 && LastRestart is not null ? $"{Restarts} ({HumanDuration.Since(LastRestart, now)} ago)" : $"{Restarts}";

    private static string TerminatedReason(JsonObject terminated)
    {
        if (Str(terminated, "reason") is { Length: > 0 } reason)
        {
            return reason;
        }

        var signal = Int(terminated, "signal");
        return signal != 0 ? $"Signal:{signal}" : $"ExitCode:{Int(terminated, "exitCode")}";
    }

    private static DateTimeOffset? Latest(DateTimeOffset? current, DateTimeOffset? candidate) =>
        candidate is not null && (current is null || current < candidate) ? candidate : current;
}
