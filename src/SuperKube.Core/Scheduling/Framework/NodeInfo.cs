using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A node with the pods the scheduler placed or saw on it and their summed requests. Owned by the scheduler's
/// cache; plugins read it during an attempt and must not keep it.
/// </summary>
public sealed class NodeInfo
{
    private static readonly Dictionary<string, string> NoLabels = [];
    private static readonly Dictionary<string, long> NoImages = [];
    private readonly List<PodInfo> _pods = [];
    private readonly List<PodInfo> _podsWithAffinity = [];
    private readonly List<PodInfo> _podsWithRequiredAntiAffinity = [];
    private readonly List<HostPort> _usedPorts = [];

    internal NodeInfo(string name)
    {
        Name = name;
        Node = new Node();
    }

    internal NodeInfo(Node node)
        : this(node.Metadata?.Name ?? "")
    {
        SetNode(node);
    }

    public string Name { get; }

    /// <summary>The node object (empty while only pods bound to the node are known).</summary>
    public Node Node { get; private set; }

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = NoLabels;

    public IReadOnlyList<Taint> Taints { get; private set; } = [];

    /// <summary>spec.unschedulable (cordoned).</summary>
    public bool Unschedulable { get; private set; }

    /// <summary>status.allocatable.</summary>
    public ComputeResources Allocatable { get; private set; } = new();

    /// <summary>The sum of the pods' effective requests (Pods = number of pods).</summary>
    public ComputeResources Requested { get; private set; } = new();

    /// <summary>Like <see cref="Requested"/> with defaults for containers without requests.</summary>
    public ComputeResources NonZeroRequested { get; private set; } = new();

    public IReadOnlyList<PodInfo> Pods => _pods;

    /// <summary>Pods with any pod affinity or anti-affinity term.</summary>
    public IReadOnlyList<PodInfo> PodsWithAffinity => _podsWithAffinity;

    /// <summary>Pods with a required anti-affinity term.</summary>
    public IReadOnlyList<PodInfo> PodsWithRequiredAntiAffinity => _podsWithRequiredAntiAffinity;

    /// <summary>Changes each time the node or its pods change.</summary>
    public long Generation { get; private set; }

    internal bool HasNode { get; private set; }

    /// <summary>Image sizes by every name the node reports for them.</summary>
    internal IReadOnlyDictionary<string, long> ImageSizes { get; private set; } = NoImages;

    internal IReadOnlyList<HostPort> UsedPorts => _usedPorts;

    internal void SetNode(Node node)
    {
        Node = node;
        HasNode = true;
        Labels = node.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : NoLabels;
        Taints = node.Spec?.Taints is { Count: > 0 } taints ? [.. taints] : [];
        Unschedulable = node.Spec?.Unschedulable ?? false;
        Allocatable = ComputeResources.From(node.Status?.Allocatable ?? node.Status?.Capacity);
        var images = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var image in node.Status?.Images ?? [])
        {
            foreach (var name in image.Names ?? [])
            {
                images[name] = image.SizeBytes ?? 0;
            }
        }

        ImageSizes = images.Count == 0 ? NoImages : images;
        Generation++;
    }

    internal void AddPod(PodInfo pod)
    {
        _pods.Add(pod);
        if (pod.HasAffinity)
        {
            _podsWithAffinity.Add(pod);
        }

        if (pod.RequiredAntiAffinityTerms.Length > 0)
        {
            _podsWithRequiredAntiAffinity.Add(pod);
        }

        _usedPorts.AddRange(pod.HostPorts);
        Requested.Add(pod.Requests);
        NonZeroRequested.Add(pod.NonZeroRequests);
        Generation++;
    }

    /// <summary>Removes the pod with the uid; false when it is not on this node.</summary>
    internal bool RemovePod(string uid)
    {
        var index = _pods.FindIndex(p => p.Uid == uid);
        if (index < 0)
        {
            return false;
        }

        var pod = _pods[index];
        _pods.RemoveAt(index);
        _podsWithAffinity.Remove(pod);
        _podsWithRequiredAntiAffinity.Remove(pod);
        foreach (var port in pod.HostPorts)
        {
            _usedPorts.Remove(port);
        }

        Requested.Add(pod.Requests, -1);
        NonZeroRequested.Add(pod.NonZeroRequests, -1);
        Generation++;
        return true;
    }

    /// <summary>A copy whose pods can be changed without touching this one (preemption what-ifs).</summary>
    public NodeInfo Clone()
    {
        var copy = new NodeInfo(Name)
        {
            Node = Node,
            HasNode = HasNode,
            Labels = Labels,
            Taints = Taints,
            Unschedulable = Unschedulable,
            Allocatable = Allocatable,
            Requested = Requested.Clone(),
            NonZeroRequested = NonZeroRequested.Clone(),
            ImageSizes = ImageSizes,
            Generation = Generation,
        };
        copy._pods.AddRange(_pods);
        copy._podsWithAffinity.AddRange(_podsWithAffinity);
        copy._podsWithRequiredAntiAffinity.AddRange(_podsWithRequiredAntiAffinity);
        copy._usedPorts.AddRange(_usedPorts);
        return copy;
    }

    public override string ToString() => Name;
}
