namespace SuperKube.Scheduling.Framework;

/// <summary>A node's score from one plugin (0 to <see cref="MaxScore"/> after normalisation).</summary>
public struct NodeScore(NodeInfo node, long score)
{
    /// <summary>The highest score a plugin may give after normalisation.</summary>
    public const long MaxScore = 100;

    public NodeInfo Node { get; } = node;

    public long Score { get; set; } = score;
}
