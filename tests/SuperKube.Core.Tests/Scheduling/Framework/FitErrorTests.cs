namespace SuperKube.Scheduling.Framework.Tests;

public sealed class FitErrorTests
{
    [Fact]
    public void Format_CountsReasonsAndSortsThemAsText()
    {
        var statuses = new[]
        {
            SchedulingStatus.UnschedulableAndUnresolvable("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"),
            SchedulingStatus.Unschedulable("Insufficient cpu", "Insufficient memory"),
            SchedulingStatus.Unschedulable("Insufficient cpu"),
        };

        var message = FitError.Format(3, statuses, postFilterMessage: "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");

        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. "
            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
            message);
    }

    [Fact]
    public void Format_PreFilterMessage_ReplacesTheNodeCounts() =>
        Assert.Equal("0/2 nodes are available: waiting.", FitError.Format(2, [SchedulingStatus.Unschedulable("x")], "waiting"));
}
