using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class PodPhasesTests
{
    [Fact]
    public void Compute_InitContainerRunning_IsPending()
    {
        var phase = PodPhases.Compute([Running("init", init: true), Waiting("app")], "Always");

        Assert.Equal(PodPhases.Pending, phase);
    }

    [Fact]
    public void Compute_InitFailedWithNever_IsFailed()
    {
        var phase = PodPhases.Compute([Exited("init", 1, init: true), Waiting("app")], "Never");

        Assert.Equal(PodPhases.Failed, phase);
    }

    [Fact]
    public void Compute_InitFailedWithOnFailure_IsPending()
    {
        Assert.Equal(PodPhases.Pending, PodPhases.Compute([Exited("init", 1, init: true), Waiting("app")], "OnFailure"));
    }

    [Fact]
    public void Compute_AppContainerNotStarted_IsPending()
    {
        Assert.Equal(PodPhases.Pending, PodPhases.Compute([Running("a"), Waiting("b")], "Always"));
    }

    [Fact]
    public void Compute_AppContainerRunning_IsRunning()
    {
        Assert.Equal(PodPhases.Running, PodPhases.Compute([Exited("init", 0, init: true), Running("app")], "Always"));
    }

    [Theory]
    [InlineData("Always", 0, "Running")]
    [InlineData("Always", 1, "Running")]
    [InlineData("OnFailure", 0, "Succeeded")]
    [InlineData("OnFailure", 1, "Running")]
    [InlineData("Never", 0, "Succeeded")]
    [InlineData("Never", 1, "Failed")]
    public void Compute_AllExited_FollowsRestartPolicy(string policy, int code, string expected)
    {
        Assert.Equal(expected, PodPhases.Compute([Exited("app", code)], policy));
    }

    [Fact]
    public void Compute_CrashLoopBackOff_CountsAsStoppedSoRunning()
    {
        var waiting = Waiting("app") with { WaitingReason = "CrashLoopBackOff", LastTerminated = Info(1) };

        Assert.Equal(PodPhases.Running, PodPhases.Compute([waiting], "Always"));
    }

    [Fact]
    public void Compute_TerminatingAllStopped_IsTerminalByExitCodes()
    {
        Assert.Equal(PodPhases.Failed, PodPhases.Compute([Exited("a", 143)], "Always", terminating: true));
        Assert.Equal(PodPhases.Succeeded, PodPhases.Compute([Exited("a", 0)], "Always", terminating: true));
    }

    internal static ContainerView Waiting(string name, bool init = false) => new() { Name = name, Image = "busybox", Init = init, WaitingReason = "ContainerCreating" };

    internal static ContainerView Running(string name, bool init = false) => new()
    {
        Name = name, Image = "busybox", Init = init, Current = Info(null) with { State = ContainerState.Running, FinishedAt = null },
        Ready = true, Started = true,
    };

    internal static ContainerView Exited(string name, int code, bool init = false) => new() { Name = name, Image = "busybox", Init = init, Current = Info(code) };

    internal static ContainerInfo Info(int? code) => new()
    {
        Id = "c" + code,
        SandboxId = "s",
        Name = "x",
        Image = "busybox",
        ImageId = "docker.io/library/busybox@sha256:1",
        State = ContainerState.Exited,
        ExitCode = code,
        Reason = code == 0 ? "Completed" : "Error",
        StartedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2025, 1, 1, 0, 0, 5, TimeSpan.Zero),
    };
}
