using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling;

/// <summary>
/// The scheduling loop. Everything that changes the cache, the queue or the nominations runs on this loop
/// (cluster events and binding outcomes arrive as messages), so an attempt sees a stable snapshot. Binding runs
/// concurrently, off the loop.
/// </summary>
internal sealed partial class Scheduler
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);
    private readonly Channel<Action> _inbox = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SchedulerCache _cache;
    private readonly PodNominator _nominator;
    private readonly WaitingPods _waiting;
    private readonly EventRecorder _events;
    private readonly PodStatusWriter _statuses;
    private readonly IReadOnlyDictionary<string, SchedulingFramework> _profiles;
    private readonly SchedulingAlgorithm _algorithm;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _lastFlush;
    private long _scheduled;
    private long _attempts;
    private long _cycleTicks;

    public Scheduler(
        SchedulerCache cache,
        PodNominator nominator,
        WaitingPods waiting,
        EventRecorder events,
        PodStatusWriter statuses,
        IReadOnlyDictionary<string, SchedulingFramework> profiles,
        SchedulerOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _cache = cache;
        _nominator = nominator;
        _waiting = waiting;
        _events = events;
        _statuses = statuses;
        _profiles = profiles;
        _time = time;
        _logger = logger;
        _algorithm = new SchedulingAlgorithm(options.PercentageOfNodesToScore);
        var sort = profiles.Values.First().QueueSort ?? throw new InvalidOperationException("the scheduler profile has no QueueSort plugin");
        Queue = new SchedulingQueue(
            new QueueSortComparer(sort),
            pod => _profiles.TryGetValue(pod.SchedulerName, out var fw) ? fw.RunPreEnqueue(pod) : SchedulingStatus.Success,
            plugin => _profiles.Values.Aggregate(ClusterEvents.None, (all, fw) => all | fw.EventsFor(plugin)),
            new QueueTiming(options.PodInitialBackoff, options.PodMaxBackoff, options.PodMaxInUnschedulablePodsDuration),
            time);
        _lastFlush = time.GetUtcNow();
    }

    public SchedulingQueue Queue { get; }

    /// <summary>Pods bound so far.</summary>
    public long ScheduledCount => Interlocked.Read(ref _scheduled);

    /// <summary>Scheduling attempts so far.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Time spent in scheduling cycles (up to the start of binding), summed.</summary>
    public TimeSpan CycleTime => TimeSpan.FromSeconds((double)Interlocked.Read(ref _cycleTicks) / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>True when pods of <paramref name="schedulerName"/> are this scheduler's to place.</summary>
    public bool Serves(string schedulerName) => _profiles.ContainsKey(schedulerName);

    /// <summary>Runs <paramref name="action"/> on the loop; thread-safe.</summary>
    public void Post(Action action) => _inbox.Writer.TryWrite(action);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Drain();
            FlushIfDue();
            if (Queue.TryPop(out var info))
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await ScheduleOneAsync(info, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _cycleTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref _attempts);
                continue;
            }

            await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies pending messages; for tests that drive the loop step by step.</summary>
    public void Drain()
    {
        while (_inbox.Reader.TryRead(out var action))
        {
            action();
        }
    }

    /// <summary>Schedules the next pod if one is ready; false when the queue had none.</summary>
    public async Task<bool> ScheduleNextAsync(CancellationToken cancellationToken)
    {
        Drain();
        if (!Queue.TryPop(out var info))
        {
            return false;
        }

        await ScheduleOneAsync(info, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var wake = _lastFlush + FlushInterval;
        if (Queue.NextBackoffExpiry() is { } expiry && expiry < wake)
        {
            wake = expiry;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = wake > now ? Task.Delay(wake - now, _time, timer.Token) : Task.CompletedTask;
        var message = _inbox.Reader.WaitToReadAsync(timer.Token).AsTask();
        await Task.WhenAny(delay, message).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void FlushIfDue()
    {
        var now = _time.GetUtcNow();
        if (now - _lastFlush >= FlushInterval)
        {
            _lastFlush = now;
            Queue.FlushUnschedulable();
        }
    }

    private async Task ScheduleOneAsync(QueuedPodInfo info, CancellationToken cancellationToken)
    {
        var pod = info.Pod;
        if (!_profiles.TryGetValue(pod.SchedulerName, out var framework) || pod.IsTerminating)
        {
            Queue.Done(pod.Uid);
            return;
        }

        var state = new CycleState(_cache) { Framework = framework };
        var result = _algorithm.Schedule(framework, state, pod);
        if (result.NodeName is not { } nodeName)
        {
            await HandleUnschedulableAsync(info, framework, state, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        var assumed = pod.AssignedTo(nodeName);
        _cache.AssumePod(assumed);
        _nominator.Remove(pod.Uid);
        var reserve = await framework.RunReserveAsync(state, assumed, nodeName, cancellationToken).ConfigureAwait(false);
        var (permit, waitingPlugins, timeout) = reserve.IsSuccess ? framework.RunPermit(state, assumed, nodeName) : (reserve, [], TimeSpan.Zero);
        if (!permit.IsSuccess && permit.Code != SchedulingStatusCode.Wait)
        {
            Undo(framework, state, assumed, nodeName);
            Fail(info, framework, permit, null);
            return;
        }

        var waiting = permit.Code == SchedulingStatusCode.Wait ? _waiting.Add(assumed, waitingPlugins) : null;
        _ = BindAsync(info, framework, state, assumed, nodeName, waiting, timeout, cancellationToken);
    }

    private async Task HandleUnschedulableAsync(
        QueuedPodInfo info, SchedulingFramework framework, CycleState state, ScheduleResult result, CancellationToken cancellationToken)
    {
        if (result.Status.Code == SchedulingStatusCode.Error)
        {
            Fail(info, framework, result.Status, null);
            return;
        }

        string? postFilterMessage = null;
        string? nominated = null;
        if (framework.PostFilter.Length > 0 && result.PreFilterMessage != SchedulingAlgorithm.NoNodesMessage)
        {
            var post = await framework.RunPostFilterAsync(state, info.Pod, result.NodeStatuses, cancellationToken).ConfigureAwait(false);
            if (post.Status.Code == SchedulingStatusCode.Error)
            {
                Fail(info, framework, post.Status, null);
                return;
            }

            postFilterMessage = post.Status.Message;
            nominated = post.NominatedNodeName;
        }

        var message = result.PreFilterMessage == SchedulingAlgorithm.NoNodesMessage
            ? SchedulingAlgorithm.NoNodesMessage
            : FitError.Format(_cache.Nodes.Count, result.NodeStatuses.Values, result.PreFilterMessage, postFilterMessage);
        info.UnschedulablePlugins = result.RejectingPlugins();
        Fail(info, framework, SchedulingStatus.Unschedulable(message), nominated ?? "");
    }

    /// <summary>Requeues the pod and reports the failure (event, condition, nomination).</summary>
    private void Fail(QueuedPodInfo info, SchedulingFramework framework, SchedulingStatus status, string? nominatedNodeName)
    {
        var error = status.Code == SchedulingStatusCode.Error;
        if (status.IsRejected && status.Plugin is { } plugin && info.UnschedulablePlugins.Count == 0)
        {
            info.UnschedulablePlugins = new HashSet<string> { plugin };
        }

        if (!Queue.Requeue(info, error))
        {
            return;
        }

        var pod = info.Pod;
        if (nominatedNodeName is { Length: > 0 })
        {
            _nominator.Set(pod, nominatedNodeName);
        }

        var message = error ? $"running {status.Plugin ?? "the scheduler"}: {status.Message}" : status.Message;
        if (error)
        {
            Log.AttemptFailed(_logger, pod.Namespace, pod.Name, framework.ProfileName, message, status.Exception);
        }

        _events.Record(pod, "Warning", "FailedScheduling", "Scheduling", message);
        _statuses.SetNotScheduled(pod, error ? "SchedulerError" : "Unschedulable", message, nominatedNodeName);
    }

    private void Undo(SchedulingFramework framework, CycleState state, PodInfo assumed, string nodeName)
    {
        framework.RunUnreserve(state, assumed, nodeName);
        _cache.ForgetPod(assumed.Uid);
    }

    private async Task BindAsync(
        QueuedPodInfo info, SchedulingFramework framework, CycleState state, PodInfo assumed, string nodeName, WaitingPod? waiting, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        SchedulingStatus status;
        try
        {
            status = waiting is null ? SchedulingStatus.Success : await WaitForPermitAsync(waiting, timeout, cancellationToken).ConfigureAwait(false);
            if (status.IsSuccess)
            {
                status = await framework.RunPreBindAsync(state, assumed, nodeName, cancellationToken).ConfigureAwait(false);
            }

            if (status.IsSuccess)
            {
                status = await framework.RunBindAsync(state, assumed, nodeName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (status.IsSuccess)
        {
            Interlocked.Increment(ref _scheduled);
            _events.Record(assumed, "Normal", "Scheduled", "Binding", $"Successfully assigned {assumed.Namespace}/{assumed.Name} to {nodeName}");
            framework.RunPostBind(state, assumed, nodeName);
            Post(() => Queue.Done(assumed.Uid));
            return;
        }

        Post(() =>
        {
            Undo(framework, state, assumed, nodeName);
            Fail(info, framework, status, null);

            // The room the pod held is free again.
            Queue.MoveOnEvent(ClusterEvents.AssignedPodDeleted);
        });
    }

    private async Task<SchedulingStatus> WaitForPermitAsync(WaitingPod waiting, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await waiting.Outcome.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return SchedulingStatus.Unschedulable($"rejected due to timeout after waiting {timeout} at permit");
        }
        finally
        {
            _waiting.Remove(waiting.Pod.Uid);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.SuperKubeEventIds.Scheduling + 10, LogLevel.Warning, "Scheduling {Namespace}/{Name} with profile {Profile} failed: {Message}")]
        public static partial void AttemptFailed(ILogger logger, string @namespace, string name, string profile, string message, Exception? exception);
    }
}
