using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Resources;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// PostFilter: when no node fits, finds nodes where evicting lower-priority pods would make room (respecting
/// PodDisruptionBudgets where it can), picks one, deletes the victims gracefully and nominates the node for the pod.
/// </summary>
internal sealed partial class DefaultPreemption(
    IKubernetesClient client,
    SchedulerCache cache,
    PodNominator nominator,
    EventRecorder events,
    PodStatusWriter statusWriter,
    IOptionsMonitor<DefaultPreemptionArgs> options,
    ILogger<DefaultPreemption> logger) : IPostFilterPlugin
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";

    private readonly DefaultPreemptionArgs _args = options.Get(PluginNames.DefaultPreemption);

    public string Name => PluginNames.DefaultPreemption;

    public async Task<PostFilterResult> PostFilterAsync(
        CycleState state, PodInfo pod, IReadOnlyDictionary<string, SchedulingStatus> nodeStatuses, CancellationToken cancellationToken)
    {
        var framework = state.Framework ?? throw new InvalidOperationException("preemption needs the profile in the cycle state");
        if (NotEligible(pod, state.Snapshot) is { } reason)
        {
            return Rejected(reason);
        }

        var nodes = state.Snapshot.Nodes;
        var statuses = new Dictionary<string, SchedulingStatus>(StringComparer.Ordinal);
        var potential = new List<NodeInfo>();
        foreach (var node in nodes)
        {
            if (nodeStatuses.TryGetValue(node.Name, out var status) && status.Code == SchedulingStatusCode.Unschedulable)
            {
                potential.Add(node);
            }
        }

        var candidates = FindCandidates(framework, state, pod, potential, statuses);
        if (candidates.Count == 0)
        {
            var all = nodes.Select(n => statuses.TryGetValue(n.Name, out var s) ? s : SchedulingStatus.UnschedulableAndUnresolvable(NotHelpful));
            return Rejected(FitError.Format(nodes.Count, all));
        }

        var best = PreemptionCandidate.Pick(candidates);
        await EvictAsync(pod, best, cancellationToken).ConfigureAwait(false);
        return new PostFilterResult(SchedulingStatus.Success, best.Node.Name);
    }

    private static PostFilterResult Rejected(string message) => new(SchedulingStatus.Unschedulable($"preemption: {message}"));

    private static string? NotEligible(PodInfo pod, ISchedulerSnapshot snapshot)
    {
        if (pod.Pod.Spec?.PreemptionPolicy == "Never")
        {
            return "not eligible due to preemptionPolicy=Never.";
        }

        if (pod.NominatedNodeName is { Length: > 0 } nominated && snapshot.GetNode(nominated) is { } node
            && node.Pods.Any(p => p.IsTerminating && p.Priority < pod.Priority))
        {
            return "not eligible due to a terminating pod on the nominated node.";
        }

        return null;
    }

    private List<PreemptionCandidate> FindCandidates(
        SchedulingFramework framework, CycleState state, PodInfo pod, List<NodeInfo> potential, Dictionary<string, SchedulingStatus> statuses)
    {
        var candidates = new List<PreemptionCandidate>();
        if (potential.Count == 0)
        {
            return candidates;
        }

        var wanted = Math.Min(potential.Count, Math.Max(potential.Count * _args.MinCandidateNodesPercentage / 100, _args.MinCandidateNodesAbsolute));
        var offset = Random.Shared.Next(potential.Count);
        var budgets = cache.Budgets.ToList();
        for (var i = 0; i < potential.Count && candidates.Count < wanted; i++)
        {
            var node = potential[(offset + i) % potential.Count];
            var (victims, violations, status) = SelectVictims(framework, state.Clone(), pod, node.Clone(), budgets);
            if (status.IsSuccess)
            {
                candidates.Add(new PreemptionCandidate(node, victims, violations));
            }
            else
            {
                statuses[node.Name] = status;
            }
        }

        return candidates;
    }

    /// <summary>
    /// Removes every lower-priority pod; if the pod then fits, adds them back most important first (PDB-protected
    /// ones before the rest) as long as it still fits. What cannot be added back are the victims.
    /// </summary>
    internal static (List<PodInfo> Victims, int Violations, SchedulingStatus Status) SelectVictims(
        SchedulingFramework framework, CycleState state, PodInfo pod, NodeInfo node, IReadOnlyList<DisruptionBudget> budgets)
    {
        var lower = node.Pods.Where(p => p.Priority < pod.Priority).ToList();
        if (lower.Count == 0)
        {
            return ([], 0, SchedulingStatus.UnschedulableAndUnresolvable(NoVictims));
        }

        foreach (var victim in lower)
        {
            node.RemovePod(victim.Uid);
            var removed = framework.RunRemovePod(state, pod, victim, node);
            if (!removed.IsSuccess)
            {
                return ([], 0, removed);
            }
        }

        var fits = framework.RunFilterWithNominatedPods(state, pod, node);
        if (!fits.IsSuccess)
        {
            return ([], 0, fits);
        }

        lower.Sort(MoreImportantFirst);
        var (violating, allowed) = SplitByBudgets(lower, budgets);
        var victims = new List<PodInfo>();
        var violations = 0;
        foreach (var candidate in violating)
        {
            if (!Reprieve(framework, state, pod, node, candidate, victims))
            {
                violations++;
            }
        }

        foreach (var candidate in allowed)
        {
            Reprieve(framework, state, pod, node, candidate, victims);
        }

        return (victims, violations, SchedulingStatus.Success);
    }

    /// <summary>Priority first (higher is more important), then the earlier start.</summary>
    internal static int MoreImportantFirst(PodInfo a, PodInfo b) =>
        a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : a.StartTime.CompareTo(b.StartTime);

    /// <summary>Splits pods into those whose eviction would exceed a budget's allowed disruptions and the rest.</summary>
    internal static (List<PodInfo> Violating, List<PodInfo> Allowed) SplitByBudgets(IEnumerable<PodInfo> pods, IReadOnlyList<DisruptionBudget> budgets)
    {
        var allowed = budgets.Select(b => b.DisruptionsAllowed).ToArray();
        var violating = new List<PodInfo>();
        var rest = new List<PodInfo>();
        foreach (var pod in pods)
        {
            var violates = false;
            for (var i = 0; i < budgets.Count; i++)
            {
                if (budgets[i].Covers(pod) && !budgets[i].DisruptedPods.Contains(pod.Name) && --allowed[i] < 0)
                {
                    violates = true;
                }
            }

            (violates ? violating : rest).Add(pod);
        }

        return (violating, rest);
    }

    private static bool Reprieve(SchedulingFramework framework, CycleState state, PodInfo pod, NodeInfo node, PodInfo candidate, List<PodInfo> victims)
    {
        node.AddPod(candidate);
        if (framework.RunAddPod(state, pod, candidate, node).IsSuccess && framework.RunFilterWithNominatedPods(state, pod, node).IsSuccess)
        {
            return true;
        }

        node.RemovePod(candidate.Uid);
        framework.RunRemovePod(state, pod, candidate, node);
        victims.Add(candidate);
        return false;
    }

    private async Task EvictAsync(PodInfo pod, PreemptionCandidate best, CancellationToken cancellationToken)
    {
        foreach (var victim in best.Victims)
        {
            Log.Preempting(logger, victim.Namespace, victim.Name, pod.Namespace, pod.Name, best.Node.Name);
            await client.DeleteAsync(ApiResource.Pods, victim.Namespace, victim.Name, new DeleteOptions { PreconditionUid = victim.Pod.Metadata?.Uid }, cancellationToken)
                .ConfigureAwait(false);
            events.Record(victim, "Normal", "Preempted", "Preempting", $"Preempted by pod {pod.Uid} on node {best.Node.Name}");
        }

        // Pods of lower priority nominated to the node lose the nomination: the room is now this pod's.
        foreach (var other in nominator.PodsOn(best.Node.Name).Where(p => p.Priority < pod.Priority && p.Uid != pod.Uid).ToList())
        {
            nominator.Remove(other.Uid);
            other.NominatedNodeName = "";
            statusWriter.ClearNomination(other);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 40, LogLevel.Information,
            "Preempting {Namespace}/{Name} for {PreemptorNamespace}/{Preemptor} on node {Node}")]
        public static partial void Preempting(ILogger logger, string @namespace, string name, string preemptorNamespace, string preemptor, string node);
    }
}
