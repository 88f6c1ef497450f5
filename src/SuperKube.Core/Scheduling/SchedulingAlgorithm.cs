using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// Picks a node for a pod: PreFilter, Filter over the nodes (in parallel, from a rotating start, stopping once
/// enough feasible nodes are found), PreScore, Score, then the best total (ties broken at random).
/// </summary>
internal sealed class SchedulingAlgorithm(int percentageOfNodesToScore)
{
    private const int MinFeasibleNodesToFind = 100;
    private const int MinFeasibleNodesPercentageToFind = 5;
    private const int Chunk = 16;
    private readonly Random _random = new();
    private int _nextStartIndex;

    public const string NoNodesMessage = "no nodes available to schedule pods";

    public ScheduleResult Schedule(SchedulingFramework framework, CycleState state, PodInfo pod)
    {
        var nodes = state.Snapshot.Nodes;
        if (nodes.Count == 0)
        {
            return new ScheduleResult(null, SchedulingStatus.Unschedulable(NoNodesMessage), new Dictionary<string, SchedulingStatus>(), NoNodesMessage);
        }

        var preFilter = framework.RunPreFilter(state, pod);
        if (preFilter.Code == SchedulingStatusCode.Error)
        {
            return ScheduleResult.Error(preFilter);
        }

        if (preFilter.IsRejected)
        {
            var all = nodes.ToDictionary(n => n.Name, _ => preFilter, StringComparer.Ordinal);
            return new ScheduleResult(null, preFilter, all, preFilter.Message);
        }

        if (pod.NominatedNodeName.Length > 0 && state.Snapshot.GetNode(pod.NominatedNodeName) is { } nominated
            && framework.RunFilterWithNominatedPods(state, pod, nominated).IsSuccess)
        {
            return new ScheduleResult(nominated.Name, SchedulingStatus.Success, new Dictionary<string, SchedulingStatus>(), null, 1, 1);
        }

        var (feasible, statuses) = FindFeasible(framework, state, pod, nodes);
        var error = statuses.Values.FirstOrDefault(s => s.Code == SchedulingStatusCode.Error);
        if (error is not null)
        {
            return ScheduleResult.Error(error);
        }

        var evaluated = feasible.Count + statuses.Count;
        if (feasible.Count == 0)
        {
            return new ScheduleResult(null, SchedulingStatus.Unschedulable(), statuses, null, evaluated);
        }

        if (feasible.Count == 1)
        {
            return new ScheduleResult(feasible[0].Name, SchedulingStatus.Success, statuses, null, evaluated, 1);
        }

        var preScore = framework.RunPreScore(state, pod, feasible);
        if (!preScore.IsSuccess)
        {
            return ScheduleResult.Error(preScore);
        }

        var totals = new long[feasible.Count];
        var score = framework.RunScore(state, pod, feasible, totals);
        if (!score.IsSuccess)
        {
            return ScheduleResult.Error(score);
        }

        return new ScheduleResult(feasible[SelectHost(totals)].Name, SchedulingStatus.Success, statuses, null, evaluated, feasible.Count);
    }

    /// <summary>How many feasible nodes are enough, as upstream computes it.</summary>
    public int NumFeasibleNodesToFind(int numAllNodes)
    {
        if (numAllNodes < MinFeasibleNodesToFind || percentageOfNodesToScore >= 100)
        {
            return numAllNodes;
        }

        var percentage = percentageOfNodesToScore;
        if (percentage <= 0)
        {
            percentage = Math.Max(MinFeasibleNodesPercentageToFind, 50 - (numAllNodes / 125));
        }

        return Math.Max(MinFeasibleNodesToFind, numAllNodes * percentage / 100);
    }

    private (List<NodeInfo> Feasible, Dictionary<string, SchedulingStatus> Statuses) FindFeasible(
        SchedulingFramework framework, CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var n = nodes.Count;
        var wanted = NumFeasibleNodesToFind(n);
        var start = _nextStartIndex % n;
        var feasible = new NodeInfo?[wanted];
        var rejected = new SchedulingStatus?[n];
        var found = 0;
        var next = 0;

        void Work()
        {
            while (Volatile.Read(ref found) < wanted)
            {
                var from = Interlocked.Add(ref next, Chunk) - Chunk;
                if (from >= n)
                {
                    return;
                }

                for (var i = from; i < Math.Min(n, from + Chunk); i++)
                {
                    var node = nodes[(start + i) % n];
                    var status = framework.RunFilterWithNominatedPods(state, pod, node);
                    if (!status.IsSuccess)
                    {
                        rejected[i] = status;
                        continue;
                    }

                    var slot = Interlocked.Increment(ref found) - 1;
                    if (slot < wanted)
                    {
                        feasible[slot] = node;
                    }
                }
            }
        }

        var workers = Math.Min(framework.Parallelism, (n + Chunk - 1) / Chunk);
        if (workers <= 1)
        {
            Work();
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        }

        var statuses = new Dictionary<string, SchedulingStatus>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (rejected[i] is { } status)
            {
                statuses[nodes[(start + i) % n].Name] = status;
            }
        }

        var result = new List<NodeInfo>(Math.Min(found, wanted));
        foreach (var node in feasible)
        {
            if (node is not null)
            {
                result.Add(node);
            }
        }

        _nextStartIndex = (start + Math.Min(n, result.Count + statuses.Count)) % n;
        return (result, statuses);
    }

    /// <summary>The index of the highest total; among equal totals each is equally likely (reservoir sampling).</summary>
    private int SelectHost(long[] totals)
    {
        var best = 0;
        var ties = 1;
        for (var i = 1; i < totals.Length; i++)
        {
            if (totals[i] > totals[best])
            {
                best = i;
                ties = 1;
            }
            else if (totals[i] == totals[best] && _random.Next(++ties) == 0)
            {
                best = i;
            }
        }

        return best;
    }
}
