namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Tells which cluster events can make a pod this plugin rejected schedulable again. Plugins without it are
/// woken by every event.
/// </summary>
public interface IEnqueueExtensions
{
    ClusterEvents EventsToRegister { get; }
}
