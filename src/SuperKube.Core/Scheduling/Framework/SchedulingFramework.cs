using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// One profile: the enabled plugins of each extension point in registration order, with score weights, and the
/// code that runs them. A plugin's exception becomes an Error status naming the plugin.
/// </summary>
internal sealed class SchedulingFramework
{
    private readonly Dictionary<string, ClusterEvents> _events;
    private readonly PodNominator _nominator;

    public SchedulingFramework(string profileName, IReadOnlyList<ISchedulerPlugin> plugins, IReadOnlyDictionary<string, int> weights, PodNominator nominator, int parallelism)
    {
        ProfileName = profileName;
        Plugins = plugins;
        _nominator = nominator;
        Parallelism = parallelism;
        QueueSort = plugins.OfType<IQueueSortPlugin>().FirstOrDefault();
        PreEnqueue = [.. plugins.OfType<IPreEnqueuePlugin>()];
        PreFilter = [.. plugins.OfType<IPreFilterPlugin>()];
        Filter = [.. plugins.OfType<IFilterPlugin>()];
        PostFilter = [.. plugins.OfType<IPostFilterPlugin>()];
        PreScore = [.. plugins.OfType<IPreScorePlugin>()];
        Score = [.. plugins.OfType<IScorePlugin>().Select(p => (p, weights.TryGetValue(p.Name, out var w) ? w : 1))];
        Reserve = [.. plugins.OfType<IReservePlugin>()];
        Permit = [.. plugins.OfType<IPermitPlugin>()];
        PreBind = [.. plugins.OfType<IPreBindPlugin>()];
        Bind = [.. plugins.OfType<IBindPlugin>()];
        PostBind = [.. plugins.OfType<IPostBindPlugin>()];
        _events = plugins.ToDictionary(p => p.Name, p => p is IEnqueueExtensions e ? e.EventsToRegister : ClusterEvents.All, StringComparer.Ordinal);
    }

    public string ProfileName { get; }

    public IReadOnlyList<ISchedulerPlugin> Plugins { get; }

    public int Parallelism { get; }

    public IQueueSortPlugin? QueueSort { get; }

    public IPreEnqueuePlugin[] PreEnqueue { get; }

    public IPreFilterPlugin[] PreFilter { get; }

    public IFilterPlugin[] Filter { get; }

    public IPostFilterPlugin[] PostFilter { get; }

    public IPreScorePlugin[] PreScore { get; }

    public (IScorePlugin Plugin, int Weight)[] Score { get; }

    public IReservePlugin[] Reserve { get; }

    public IPermitPlugin[] Permit { get; }

    public IPreBindPlugin[] PreBind { get; }

    public IBindPlugin[] Bind { get; }

    public IPostBindPlugin[] PostBind { get; }

    /// <summary>The events that can make a pod rejected by <paramref name="plugin"/> schedulable.</summary>
    public ClusterEvents EventsFor(string plugin) => _events.TryGetValue(plugin, out var events) ? events : ClusterEvents.All;

    public SchedulingStatus RunPreEnqueue(PodInfo pod)
    {
        foreach (var plugin in PreEnqueue)
        {
            var status = Guard(plugin, () => plugin.PreEnqueue(pod));
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return SchedulingStatus.Success;
    }

    public SchedulingStatus RunPreFilter(CycleState state, PodInfo pod)
    {
        foreach (var plugin in PreFilter)
        {
            var status = Guard(plugin, () => plugin.PreFilter(state, pod));
            if (status.Code == SchedulingStatusCode.Skip)
            {
                state.SkipFilterPlugins.Add(plugin.Name);
            }
            else if (!status.IsSuccess)
            {
                return status;
            }
        }

        state.Filters = state.SkipFilterPlugins.Count == 0 ? Filter : [.. Filter.Where(p => !state.SkipFilterPlugins.Contains(p.Name))];
        return SchedulingStatus.Success;
    }

    public SchedulingStatus RunFilter(CycleState state, PodInfo pod, NodeInfo node)
    {
        foreach (var plugin in state.Filters ?? Filter)
        {
            SchedulingStatus status;
            try
            {
                status = plugin.Filter(state, pod, node);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                status = SchedulingStatus.Error(ex);
            }

            if (!status.IsSuccess)
            {
                return status.WithPlugin(plugin.Name);
            }
        }

        return SchedulingStatus.Success;
    }

    /// <summary>
    /// Filters with the pods nominated to the node (of at least the pod's priority) counted as already there,
    /// then without them: the pod must fit both ways, as upstream.
    /// </summary>
    public SchedulingStatus RunFilterWithNominatedPods(CycleState state, PodInfo pod, NodeInfo node)
    {
        var nominated = _nominator.Count == 0 ? [] : _nominator.PodsOn(node.Name);
        if (nominated.Count > 0)
        {
            CycleState? copy = null;
            NodeInfo? nodeCopy = null;
            foreach (var other in nominated)
            {
                if (other.Uid == pod.Uid || other.Priority < pod.Priority)
                {
                    continue;
                }

                copy ??= state.Clone();
                nodeCopy ??= node.Clone();
                var placed = other.AssignedTo(node.Name);
                nodeCopy.AddPod(placed);
                var added = RunAddPod(copy, pod, placed, nodeCopy);
                if (!added.IsSuccess)
                {
                    return added;
                }
            }

            if (copy is not null && nodeCopy is not null)
            {
                var status = RunFilter(copy, pod, nodeCopy);
                if (!status.IsSuccess)
                {
                    return status;
                }
            }
        }

        return RunFilter(state, pod, node);
    }

    public SchedulingStatus RunAddPod(CycleState state, PodInfo pod, PodInfo podToAdd, NodeInfo node) =>
        RunExtension(state, plugin => plugin.AddPod(state, pod, podToAdd, node));

    public SchedulingStatus RunRemovePod(CycleState state, PodInfo pod, PodInfo podToRemove, NodeInfo node) =>
        RunExtension(state, plugin => plugin.RemovePod(state, pod, podToRemove, node));

    public async Task<PostFilterResult> RunPostFilterAsync(
        CycleState state, PodInfo pod, IReadOnlyDictionary<string, SchedulingStatus> statuses, CancellationToken cancellationToken)
    {
        var rejection = new PostFilterResult(SchedulingStatus.Unschedulable());
        foreach (var plugin in PostFilter)
        {
            PostFilterResult result;
            try
            {
                result = await plugin.PostFilterAsync(state, pod, statuses, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new PostFilterResult(SchedulingStatus.Error(ex));
            }

            result = result with { Status = result.Status.WithPlugin(plugin.Name) };
            if (result.Status.IsSuccess || result.Status.Code == SchedulingStatusCode.Error)
            {
                return result;
            }

            rejection = result;
        }

        return rejection;
    }

    public SchedulingStatus RunPreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        foreach (var plugin in PreScore)
        {
            var status = Guard(plugin, () => plugin.PreScore(state, pod, nodes));
            if (status.Code == SchedulingStatusCode.Skip)
            {
                state.SkipScorePlugins.Add(plugin.Name);
            }
            else if (!status.IsSuccess)
            {
                return status;
            }
        }

        return SchedulingStatus.Success;
    }

    /// <summary>Adds each plugin's weighted, normalised score of each node to <paramref name="totals"/>.</summary>
    public SchedulingStatus RunScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes, long[] totals)
    {
        var scores = new NodeScore[nodes.Count];
        foreach (var (plugin, weight) in Score)
        {
            if (state.SkipScorePlugins.Contains(plugin.Name))
            {
                continue;
            }

            Exception? failure = null;
            Parallelizer.For(nodes.Count, Parallelism, (start, end) =>
            {
                for (var i = start; i < end; i++)
                {
                    try
                    {
                        scores[i] = new NodeScore(nodes[i], plugin.Score(state, pod, nodes[i]));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failure = ex;
                        return;
                    }
                }
            });
            if (failure is not null)
            {
                return SchedulingStatus.Error(failure).WithPlugin(plugin.Name);
            }

            try
            {
                plugin.NormalizeScore(state, pod, scores);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return SchedulingStatus.Error(ex).WithPlugin(plugin.Name);
            }

            for (var i = 0; i < scores.Length; i++)
            {
                totals[i] += Math.Clamp(scores[i].Score, 0, NodeScore.MaxScore) * weight;
            }
        }

        return SchedulingStatus.Success;
    }

    public async ValueTask<SchedulingStatus> RunReserveAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        foreach (var plugin in Reserve)
        {
            var status = await GuardAsync(plugin, () => plugin.ReserveAsync(state, pod, nodeName, cancellationToken)).ConfigureAwait(false);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return SchedulingStatus.Success;
    }

    public void RunUnreserve(CycleState state, PodInfo pod, string nodeName)
    {
        for (var i = Reserve.Length - 1; i >= 0; i--)
        {
            var plugin = Reserve[i];
            Guard(plugin, () =>
            {
                plugin.Unreserve(state, pod, nodeName);
                return SchedulingStatus.Success;
            });
        }
    }

    /// <summary>Runs Permit; a rejection or error ends it, otherwise the plugins that asked to wait and the longest timeout.</summary>
    public (SchedulingStatus Status, List<string> Waiting, TimeSpan Timeout) RunPermit(CycleState state, PodInfo pod, string nodeName)
    {
        var waiting = new List<string>();
        var timeout = TimeSpan.Zero;
        foreach (var plugin in Permit)
        {
            PermitResult result;
            try
            {
                result = plugin.Permit(state, pod, nodeName);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new PermitResult(SchedulingStatus.Error(ex));
            }

            if (result.Status.Code == SchedulingStatusCode.Wait)
            {
                waiting.Add(plugin.Name);
                timeout = result.Timeout > timeout ? result.Timeout : timeout;
            }
            else if (!result.Status.IsSuccess)
            {
                return (result.Status.WithPlugin(plugin.Name), waiting, timeout);
            }
        }

        return (waiting.Count > 0 ? SchedulingStatus.Wait() : SchedulingStatus.Success, waiting, timeout);
    }

    public async ValueTask<SchedulingStatus> RunPreBindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        foreach (var plugin in PreBind)
        {
            var status = await GuardAsync(plugin, () => plugin.PreBindAsync(state, pod, nodeName, cancellationToken)).ConfigureAwait(false);
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return SchedulingStatus.Success;
    }

    public async ValueTask<SchedulingStatus> RunBindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        foreach (var plugin in Bind)
        {
            var status = await GuardAsync(plugin, () => plugin.BindAsync(state, pod, nodeName, cancellationToken)).ConfigureAwait(false);
            if (status.Code != SchedulingStatusCode.Skip)
            {
                return status;
            }
        }

        return SchedulingStatus.Error("no bind plugin bound the pod");
    }

    public void RunPostBind(CycleState state, PodInfo pod, string nodeName)
    {
        foreach (var plugin in PostBind)
        {
            Guard(plugin, () =>
            {
                plugin.PostBind(state, pod, nodeName);
                return SchedulingStatus.Success;
            });
        }
    }

    private SchedulingStatus RunExtension(CycleState state, Func<IPreFilterPlugin, SchedulingStatus> call)
    {
        foreach (var plugin in PreFilter)
        {
            if (state.SkipFilterPlugins.Contains(plugin.Name))
            {
                continue;
            }

            var status = Guard(plugin, () => call(plugin));
            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return SchedulingStatus.Success;
    }

    private static SchedulingStatus Guard(ISchedulerPlugin plugin, Func<SchedulingStatus> call)
    {
        try
        {
            return call().WithPlugin(plugin.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SchedulingStatus.Error(ex).WithPlugin(plugin.Name);
        }
    }

    private static async ValueTask<SchedulingStatus> GuardAsync(ISchedulerPlugin plugin, Func<ValueTask<SchedulingStatus>> call)
    {
        try
        {
            return (await call().ConfigureAwait(false)).WithPlugin(plugin.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SchedulingStatus.Error(ex).WithPlugin(plugin.Name);
        }
    }
}
