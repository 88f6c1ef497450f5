using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Prefers nodes that already hold the pod's images, weighted by image size and by how widely the image is
/// spread (an image on every node says little), between upstream's 23 MiB and 1000 MiB-per-container thresholds.
/// </summary>
internal sealed class ImageLocality : IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    private const long Mb = 1024 * 1024;
    private const long MinThreshold = 23 * Mb;
    private const long MaxContainerThreshold = 1000 * Mb;
    private const string StateKey = "PreScore" + PluginNames.ImageLocality;

    public string Name => PluginNames.ImageLocality;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged;

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var spec = pod.Pod.Spec;
        var images = (spec?.InitContainers ?? []).Concat(spec?.Containers ?? []).Select(c => Normalize(c.Image ?? "")).ToArray();
        state.Write(StateKey, new Images(images));
        return SchedulingStatus.Success;
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        var images = state.Read<Images>(StateKey).Names;
        var totalNodes = state.Snapshot.Nodes.Count;
        long sum = 0;
        if (node.ImageSizes.Count > 0 && totalNodes > 0)
        {
            foreach (var image in images)
            {
                if (node.ImageSizes.TryGetValue(image, out var size))
                {
                    sum += (long)(size * ((double)state.Snapshot.NodesWithImage(image) / totalNodes));
                }
            }
        }

        var max = MaxContainerThreshold * Math.Max(1, images.Length);
        sum = Math.Clamp(sum, MinThreshold, max);
        return NodeScore.MaxScore * (sum - MinThreshold) / (max - MinThreshold);
    }

    /// <summary>Adds <c>:latest</c> to an image reference without a tag or digest.</summary>
    public static string Normalize(string image) =>
        image.LastIndexOf(':') <= image.LastIndexOf('/') ? image + ":latest" : image;

    private sealed class Images(string[] names) : IStateData
    {
        public string[] Names { get; } = names;

        public IStateData Clone() => this;
    }
}
