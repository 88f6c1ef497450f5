namespace SuperKube.Controllers;

/// <summary>
/// Leader election: one named lease per controller, so that only one server of a cluster runs it. On SQLite
/// (a single server) the lease is always held.
/// </summary>
public interface ILeaseManager
{
    /// <summary>Waits until the lease is held.</summary>
    ValueTask<ILease> AcquireAsync(string name, CancellationToken cancellationToken);
}
