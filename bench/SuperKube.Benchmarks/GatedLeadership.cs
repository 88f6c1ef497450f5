using SuperKube.Controllers;

namespace SuperKube.Benchmarks;

/// <summary>Holds the scheduler (its lease) back until the benchmark has created its nodes and pods; never lost once granted.</summary>
internal sealed class GatedLeadership : ILeaseManager
{
    private readonly TaskCompletionSource _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Grant() => _granted.TrySetResult();

    public async ValueTask<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        await _granted.Task.WaitAsync(cancellationToken);
        return new GrantedLease(name);
    }

    private sealed class GrantedLease(string name) : ILease
    {
        public string Name { get; } = name;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
