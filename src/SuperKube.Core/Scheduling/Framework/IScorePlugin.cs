namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Ranks the nodes that passed Filter. Score is called in parallel for many nodes; NormalizeScore then maps the
/// raw scores to 0..<see cref="NodeScore.MaxScore"/>. The result is multiplied by the plugin's weight in the profile.
/// </summary>
public interface IScorePlugin : ISchedulerPlugin
{
    /// <summary>The raw score of a node. Throwing makes the attempt fail with an error.</summary>
    long Score(CycleState state, PodInfo pod, NodeInfo node);

    /// <summary>Maps the raw scores of all nodes to 0..100 in place. By default scores are kept (and clamped).</summary>
    void NormalizeScore(CycleState state, PodInfo pod, Span<NodeScore> scores)
    {
    }
}
