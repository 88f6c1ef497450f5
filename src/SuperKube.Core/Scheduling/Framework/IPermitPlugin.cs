namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Allows, rejects or delays binding. A pod told to wait is released with <see cref="IWaitingPods"/> (Allow
/// from every waiting plugin, or one Reject) or rejected when the timeout passes.
/// </summary>
public interface IPermitPlugin : ISchedulerPlugin
{
    PermitResult Permit(CycleState state, PodInfo pod, string nodeName);
}
