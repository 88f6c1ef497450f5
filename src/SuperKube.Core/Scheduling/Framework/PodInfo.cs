using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A pod as the scheduler sees it: the typed object plus what plugins need often, computed once (effective
/// requests, resolved priority, parsed affinity terms, host ports).
/// </summary>
public sealed class PodInfo
{
    private static readonly Dictionary<string, string> NoLabels = [];
    private ulong? _fingerprint;

    internal PodInfo(Pod pod, int? priority = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Pod = pod;
        var meta = pod.Metadata;
        var spec = pod.Spec ?? new PodSpec();
        Namespace = meta?.Namespace ?? "";
        Name = meta?.Name ?? "";
        Uid = meta?.Uid is { Length: > 0 } uid ? uid : $"{Namespace}/{Name}";
        Labels = meta?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : NoLabels;
        Priority = priority ?? spec.Priority ?? 0;
        NodeName = spec.NodeName ?? "";
        SchedulerName = spec.SchedulerName is { Length: > 0 } s ? s : "default-scheduler";
        NominatedNodeName = pod.Status?.NominatedNodeName ?? "";
        IsTerminating = meta?.DeletionTimestamp is not null;
        CreationTimestamp = meta?.CreationTimestamp ?? DateTimeOffset.MinValue;
        StartTime = pod.Status?.StartTime ?? CreationTimestamp;
        Requests = PodRequests.Compute(spec, nonZero: false);
        NonZeroRequests = PodRequests.Compute(spec, nonZero: true);
        HostPorts = PodRequests.HostPorts(spec);

        var affinity = spec.Affinity;
        RequiredAffinityTerms = [.. (affinity?.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? []).Select(t => AffinityTerm.From(t, Namespace, Labels))];
        RequiredAntiAffinityTerms = [.. (affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? []).Select(t => AffinityTerm.From(t, Namespace, Labels))];
        PreferredAffinityTerms = Weighted(affinity?.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution);
        PreferredAntiAffinityTerms = Weighted(affinity?.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution);
    }

    /// <summary>The pod object.</summary>
    public Pod Pod { get; }

    public string Namespace { get; }

    public string Name { get; }

    public string Uid { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>spec.priority, or the value of spec.priorityClassName when the server did not resolve it.</summary>
    public int Priority { get; }

    /// <summary>The node the pod is bound (or assumed) to; empty while pending.</summary>
    public string NodeName { get; private init; }

    public string SchedulerName { get; }

    /// <summary>status.nominatedNodeName: where preemption made room for the pod.</summary>
    public string NominatedNodeName { get; internal set; }

    /// <summary>True once deletion was requested (metadata.deletionTimestamp).</summary>
    public bool IsTerminating { get; }

    public DateTimeOffset CreationTimestamp { get; }

    /// <summary>status.startTime, else the creation time.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The pod's effective requests: containers, init containers and sidecars, plus overhead.</summary>
    public ComputeResources Requests { get; }

    /// <summary>Requests with the upstream defaults (100m CPU, 200Mi memory) for containers that set none; used for scoring.</summary>
    public ComputeResources NonZeroRequests { get; }

    /// <summary>True when the pod has any pod affinity or anti-affinity.</summary>
    public bool HasAffinity => RequiredAffinityTerms.Length + RequiredAntiAffinityTerms.Length + PreferredAffinityTerms.Length + PreferredAntiAffinityTerms.Length > 0;

    /// <summary>A hash of the spec, labels and annotations: what can make an unschedulable pod schedulable (computed on first use).</summary>
    internal ulong SchedulingFingerprint => _fingerprint ??= PodFingerprint.Of(Pod);

    internal HostPort[] HostPorts { get; }

    internal AffinityTerm[] RequiredAffinityTerms { get; }

    internal AffinityTerm[] RequiredAntiAffinityTerms { get; }

    internal AffinityTerm[] PreferredAffinityTerms { get; }

    internal AffinityTerm[] PreferredAntiAffinityTerms { get; }

    /// <summary>Wraps a pod; its priority is spec.priority (0 when unset).</summary>
    public static PodInfo FromPod(Pod pod) => new(pod);

    internal static PodInfo FromJson(JsonObject json, int? priority) => new(KubernetesClientExtensions.FromJson<Pod>(json), priority);

    /// <summary>A copy placed on <paramref name="nodeName"/> (the scheduler's assumption before the bind is seen).</summary>
    internal PodInfo AssignedTo(string nodeName) => new(this, nodeName);

    private PodInfo(PodInfo source, string nodeName)
    {
        Pod = source.Pod;
        _fingerprint = source._fingerprint;
        Namespace = source.Namespace;
        Name = source.Name;
        Uid = source.Uid;
        Labels = source.Labels;
        Priority = source.Priority;
        NodeName = nodeName;
        SchedulerName = source.SchedulerName;
        NominatedNodeName = "";
        IsTerminating = source.IsTerminating;
        CreationTimestamp = source.CreationTimestamp;
        StartTime = source.StartTime;
        Requests = source.Requests;
        NonZeroRequests = source.NonZeroRequests;
        HostPorts = source.HostPorts;
        RequiredAffinityTerms = source.RequiredAffinityTerms;
        RequiredAntiAffinityTerms = source.RequiredAntiAffinityTerms;
        PreferredAffinityTerms = source.PreferredAffinityTerms;
        PreferredAntiAffinityTerms = source.PreferredAntiAffinityTerms;
    }

    private AffinityTerm[] Weighted(IList<WeightedPodAffinityTerm>? terms) =>
        [.. (terms ?? []).Where(t => t.PodAffinityTerm is not null).Select(t => AffinityTerm.From(t.PodAffinityTerm!, Namespace, Labels, t.Weight ?? 0))];

    public override string ToString() => $"{Namespace}/{Name}";
}
