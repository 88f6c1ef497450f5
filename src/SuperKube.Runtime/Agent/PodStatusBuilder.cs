using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Builds a pod's status as the kubelet reports it: phase, conditions (PodReadyToStartContainers, Initialized,
/// Ready, ContainersReady, keeping PodScheduled), IPs, start time and container statuses. Fields the agent does not
/// own are kept, and a condition keeps its lastTransitionTime while its status does not change.
/// </summary>
internal static class PodStatusBuilder
{
    public static JsonObject Build(JsonObject? current, PodStatusInput input)
    {
        var status = current?.DeepClone().AsObject() ?? [];
        var phase = PodPhases.Compute(input.Containers, input.RestartPolicy, input.Terminating);
        status["phase"] = phase;
        status["conditions"] = Conditions(current?["conditions"] as JsonArray, input, phase);
        if (input.HostIp.Length > 0)
        {
            status["hostIP"] = input.HostIp;
            status["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = input.HostIp });
        }

        if (input.PodIp.Length > 0)
        {
            status["podIP"] = input.PodIp;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = input.PodIp });
        }

        if (input.StartTime is { } start && status["startTime"] is null)
        {
            status["startTime"] = ObjectMetadata.Timestamp(start);
        }

        var init = input.Containers.Where(c => c.Init).ToList();
        var pending = init.All(c => c.Succeeded) ? "ContainerCreating" : "PodInitializing";
        if (init.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray([.. init.Select(c => ContainerStatus(c, input.RuntimeName, "PodInitializing"))]);
        }

        status["containerStatuses"] = new JsonArray([.. input.Containers.Where(c => !c.Init).Select(c => ContainerStatus(c, input.RuntimeName, pending))]);
        return status;
    }

    /// <summary>One container's status; <paramref name="pendingReason"/> is its waiting reason before it was ever created.</summary>
    public static JsonObject ContainerStatus(ContainerView view, string runtimeName, string pendingReason)
    {
        var status = new JsonObject
        {
            ["name"] = view.Name,
            ["state"] = State(view, runtimeName, pendingReason),
            ["lastState"] = view.LastTerminated is { } last ? new JsonObject { ["terminated"] = Terminated(last, runtimeName) } : new JsonObject(),
            ["ready"] = view.Ready && view.IsRunning,
            ["restartCount"] = view.RestartCount,
            ["image"] = view.Image,
            ["imageID"] = view.Current?.ImageId ?? "",
        };
        if (view.Current is { } current)
        {
            status["containerID"] = $"{runtimeName}://{current.Id}";
        }

        status["started"] = view.Started && view.IsRunning;
        return status;
    }

    private static JsonObject State(ContainerView view, string runtimeName, string pendingReason)
    {
        if (view.IsRunning)
        {
            return new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Time(view.Current!.StartedAt) } }; // IsRunning implies Current
        }

        if (view.IsTerminated)
        {
            return new JsonObject { ["terminated"] = Terminated(view.Current!, runtimeName) }; // IsTerminated implies Current
        }

        var waiting = new JsonObject { ["reason"] = view.WaitingReason ?? pendingReason };
        if (view.WaitingMessage is { Length: > 0 } message)
        {
            waiting["message"] = message;
        }

        return new JsonObject { ["waiting"] = waiting };
    }

    private static JsonObject Terminated(ContainerInfo info, string runtimeName)
    {
        var terminated = new JsonObject
        {
            ["exitCode"] = info.ExitCode ?? 0,
            ["reason"] = info.Reason ?? (info.ExitCode == 0 ? "Completed" : "Error"),
        };
        if (info.Message is { Length: > 0 } message)
        {
            terminated["message"] = message;
        }

        terminated["startedAt"] = Time(info.StartedAt);
        terminated["finishedAt"] = Time(info.FinishedAt);
        terminated["containerID"] = $"{runtimeName}://{info.Id}";
        return terminated;
    }

    private static JsonArray Conditions(JsonArray? existing, PodStatusInput input, string phase)
    {
        var init = input.Containers.Where(c => c.Init).ToList();
        var app = input.Containers.Where(c => !c.Init).ToList();
        var completed = phase == PodPhases.Succeeded;
        var incomplete = init.Where(c => !c.Succeeded).Select(c => c.Name).ToList();
        var unready = app.Where(c => !(c.Ready && c.IsRunning)).Select(c => c.Name).ToList();
        var missingGates = input.ReadinessGates.Where(g => !GateTrue(existing, g)).ToList();

        var result = new JsonArray
        {
            Condition(existing, "PodReadyToStartContainers", input.SandboxReady && !(input.Terminating && !input.Containers.Any(c => c.IsRunning)), null, null, input.Now),
            incomplete.Count == 0 || completed
                ? Condition(existing, "Initialized", true, completed && init.Count > 0 ? "PodCompleted" : null, null, input.Now)
                : Condition(existing, "Initialized", false, "ContainersNotInitialized", $"containers with incomplete status: [{string.Join(' ', incomplete)}]", input.Now),
        };
        if (completed)
        {
            result.Add(Condition(existing, "Ready", false, "PodCompleted", null, input.Now));
            result.Add(Condition(existing, "ContainersReady", false, "PodCompleted", null, input.Now));
        }
        else
        {
            var unreadyMessage = $"containers with unready status: [{string.Join(' ', unready)}]";
            var ready = unready.Count == 0 && missingGates.Count == 0;
            var readyReason = unready.Count > 0 ? "ContainersNotReady" : missingGates.Count > 0 ? "ReadinessGatesNotReady" : null;
            var readyMessage = unready.Count > 0 ? unreadyMessage
                : missingGates.Count > 0 ? $"corresponding condition of pod readiness gate \"{missingGates[0]}\" does not exist." : null;
            result.Add(Condition(existing, "Ready", ready, readyReason, readyMessage, input.Now));
            result.Add(Condition(existing, "ContainersReady", unready.Count == 0, unready.Count == 0 ? null : "ContainersNotReady",
                unready.Count == 0 ? null : unreadyMessage, input.Now));
        }

        if (!(existing ?? []).OfType<JsonObject>().Any(c => (string?)c["type"] == "PodScheduled"))
        {
            result.Add(Condition(existing, "PodScheduled", true, null, null, input.Now)); // created with spec.nodeName: scheduled by its author
        }

        foreach (var other in (existing ?? []).OfType<JsonObject>())
        {
            if ((string?)other["type"] is not ("PodReadyToStartContainers" or "Initialized" or "Ready" or "ContainersReady"))
            {
                result.Add(other.DeepClone());
            }
        }

        return result;
    }

    private static JsonObject Condition(JsonArray? existing, string type, bool value, string? reason, string? message, DateTimeOffset now)
    {
        var status = value ? "True" : "False";
        var previous = (existing ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
        var transition = previous is not null && (string?)previous["status"] == status && previous["lastTransitionTime"] is { } t
            ? t.DeepClone()
            : ObjectMetadata.Timestamp(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = transition,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        return condition;
    }

    private static bool GateTrue(JsonArray? conditions, string type) =>
        (conditions ?? []).OfType<JsonObject>().Any(c => (string?)c["type"] == type && (string?)c["status"] == "True");

    private static string? Time(DateTimeOffset? time) => time is { } t ? ObjectMetadata.Timestamp(t) : null;
}
