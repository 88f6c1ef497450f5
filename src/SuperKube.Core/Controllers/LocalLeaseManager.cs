namespace SuperKube.Controllers;

/// <summary>The single-server lease manager: every lease is granted at once and never lost.</summary>
internal sealed class LocalLeaseManager : ILeaseManager
{
    public ValueTask<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<ILease>(new Lease(name));
    }

    private sealed class Lease(string name) : ILease
    {
        public string Name { get; } = name;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
