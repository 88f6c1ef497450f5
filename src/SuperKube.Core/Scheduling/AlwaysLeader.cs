namespace SuperKube.Scheduling;

/// <summary>Leadership for a single server: always the leader.</summary>
internal sealed class AlwaysLeader : ISchedulerLeadership
{
    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
