using SuperKube.Scheduling;

namespace SuperKube.Benchmarks;

/// <summary>Holds the scheduler back until the benchmark has created its nodes and pods.</summary>
internal sealed class GatedLeadership : ISchedulerLeadership
{
    private readonly TaskCompletionSource _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Grant() => _granted.TrySetResult();

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => _granted.Task.WaitAsync(cancellationToken);
}
