namespace SuperKube.Scheduling;

/// <summary>
/// The seam for "one lease for the scheduler": the scheduler starts once this returns. The default
/// (<see cref="AlwaysLeader"/>) returns at once, which is right for a single server on SQLite; a lease-based
/// implementation from the controller framework replaces it for several servers.
/// </summary>
internal interface ISchedulerLeadership
{
    Task WaitForLeadershipAsync(CancellationToken cancellationToken);
}
