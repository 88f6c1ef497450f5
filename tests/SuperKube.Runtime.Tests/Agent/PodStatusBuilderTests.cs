using System.Text.Json.Nodes;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class PodStatusBuilderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 1, 0, TimeSpan.Zero);

    [Fact]
    public void Build_RunningReadyPod_HasReadyConditionsIpsAndRunningState()
    {
        var status = PodStatusBuilder.Build(null, Input([PodPhasesTests.Running("web")]));

        Assert.Equal("Running", (string?)status["phase"]);
        Assert.Equal("True", Condition(status, "Ready")?["status"]?.GetValue<string>());
        Assert.Equal("True", Condition(status, "PodScheduled")?["status"]?.GetValue<string>());
        Assert.Equal("10.244.0.7", (string?)status["podIP"]);
        Assert.Equal("10.244.0.7", (string?)status["podIPs"]![0]!["ip"]);
        var container = status["containerStatuses"]![0]!;
        Assert.NotNull(container["state"]!["running"]);
        Assert.Equal("fake://c", (string?)container["containerID"]);
        Assert.Empty(container["lastState"]!.AsObject());
    }

    [Fact]
    public void Build_CrashLoop_ShowsWaitingReasonAndLastState()
    {
        var view = PodPhasesTests.Waiting("app") with
        {
            WaitingReason = "CrashLoopBackOff",
            WaitingMessage = "back-off 10s restarting failed container=app",
            LastTerminated = PodPhasesTests.Info(2),
            RestartCount = 1,
        };

        var status = PodStatusBuilder.Build(null, Input([view]));

        var container = status["containerStatuses"]![0]!;
        Assert.Equal("CrashLoopBackOff", (string?)container["state"]!["waiting"]!["reason"]);
        Assert.Equal(2, (int?)container["lastState"]!["terminated"]!["exitCode"]);
        Assert.Equal(1, (int?)container["restartCount"]);
        Assert.Equal("ContainersNotReady", (string?)Condition(status, "Ready")!["reason"]);
        Assert.Equal("containers with unready status: [app]", (string?)Condition(status, "Ready")!["message"]);
    }

    [Fact]
    public void Build_InitIncomplete_InitializedFalseWithItsName()
    {
        var status = PodStatusBuilder.Build(null, Input([PodPhasesTests.Running("setup", init: true), PodPhasesTests.Waiting("app")]));

        Assert.Equal("Pending", (string?)status["phase"]);
        Assert.Equal("containers with incomplete status: [setup]", (string?)Condition(status, "Initialized")!["message"]);
        Assert.Single(status["initContainerStatuses"]!.AsArray());
        Assert.Equal("ContainerCreating", (string?)status["containerStatuses"]![0]!["state"]!["waiting"]!["reason"]);
    }

    [Fact]
    public void Build_Succeeded_ReadyFalseWithPodCompleted()
    {
        var status = PodStatusBuilder.Build(null, Input([PodPhasesTests.Exited("job", 0)], "Never"));

        Assert.Equal("Succeeded", (string?)status["phase"]);
        Assert.Equal("PodCompleted", (string?)Condition(status, "Ready")!["reason"]);
        Assert.Equal("Completed", (string?)status["containerStatuses"]![0]!["state"]!["terminated"]!["reason"]);
    }

    [Fact]
    public void Build_UnchangedCondition_KeepsLastTransitionTime()
    {
        var first = PodStatusBuilder.Build(null, Input([PodPhasesTests.Running("web")]));

        var later = PodStatusBuilder.Build(first, Input([PodPhasesTests.Running("web")]) with { Now = Now.AddMinutes(5) });
        var changed = PodStatusBuilder.Build(first, Input([PodPhasesTests.Running("web") with { Ready = false }]) with { Now = Now.AddMinutes(5) });

        Assert.Equal("2025-01-01T00:01:00Z", (string?)Condition(later, "Ready")!["lastTransitionTime"]);
        Assert.Equal("2025-01-01T00:06:00Z", (string?)Condition(changed, "Ready")!["lastTransitionTime"]);
        Assert.Null(JsonMergeDiff.Create(first, later));
    }

    [Fact]
    public void Build_ExistingSchedulerCondition_IsKept()
    {
        var existing = JsonNode.Parse("""{"qosClass":"BestEffort","conditions":[{"type":"PodScheduled","status":"True","lastTransitionTime":"2024-12-31T00:00:00Z"}]}""")!.AsObject();

        var status = PodStatusBuilder.Build(existing, Input([PodPhasesTests.Running("web")]));

        Assert.Equal("2024-12-31T00:00:00Z", (string?)Condition(status, "PodScheduled")!["lastTransitionTime"]);
        Assert.Equal("BestEffort", (string?)status["qosClass"]);
        Assert.Single(status["conditions"]!.AsArray(), c => (string?)c!["type"] == "PodScheduled");
    }

    [Fact]
    public void Build_ReadinessGateMissing_NotReady()
    {
        var status = PodStatusBuilder.Build(null, Input([PodPhasesTests.Running("web")]) with { ReadinessGates = ["example.com/lb"] });

        Assert.Equal("False", (string?)Condition(status, "Ready")!["status"]);
        Assert.Equal("ReadinessGatesNotReady", (string?)Condition(status, "Ready")!["reason"]);
        Assert.Equal("True", (string?)Condition(status, "ContainersReady")!["status"]);
    }

    private static PodStatusInput Input(IReadOnlyList<ContainerView> containers, string policy = "Always") => new()
    {
        Containers = containers,
        RestartPolicy = policy,
        SandboxReady = true,
        HostIp = "10.0.0.1",
        PodIp = "10.244.0.7",
        StartTime = Now,
        Now = Now,
    };

    private static JsonObject? Condition(JsonObject status, string type) =>
        status["conditions"]!.AsArray().OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
}
