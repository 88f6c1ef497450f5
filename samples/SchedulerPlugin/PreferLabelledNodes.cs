using SuperKube.Scheduling.Framework;

namespace SchedulerPlugin;

/// <summary>A Score plugin: nodes labelled <c>example.com/preferred=true</c> get the top score, others none.</summary>
public sealed class PreferLabelledNodes : IScorePlugin
{
    public const string Label = "example.com/preferred";

    public string Name => nameof(PreferLabelledNodes);

    public long Score(CycleState state, PodInfo pod, NodeInfo node) =>
        node.Labels.TryGetValue(Label, out var value) && value == "true" ? NodeScore.MaxScore : 0;
}
