using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Runs one pod on the node, level-triggered like the kubelet's pod worker: every sync compares the pod's spec with
/// the runtime's containers and acts (init containers in order, then app containers; restarts by restartPolicy with
/// CrashLoopBackOff; probes; graceful termination), then writes the status as a minimal merge patch. Syncs happen
/// on pod updates, container exits and timers (back-off expiry, probe periods).
/// </summary>
internal sealed partial class PodWorker : IAsyncDisposable
{
    /// <summary>A live pod is synced at least this often even when nothing signals it (the kubelet's syncFrequency).</summary>
    internal static readonly TimeSpan ResyncInterval = TimeSpan.FromMinutes(1);

    private readonly PodWorkerContext _context;
    private readonly ContainerStarter _starter;
    private readonly RestartBackoff _backoff = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _deleted = new();
    private readonly Lock _deletedLock = new();
    private bool _disposed;
    private readonly Dictionary<string, ContainerRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private PodSnapshot _pod;
    private string? _sandboxId;
    private PodSandboxSpec? _sandbox;
    private DateTimeOffset? _startTime;
    private DateTimeOffset? _wakeAt;
    private ITimer? _wake;
    private Task? _loop;
    private bool _podGone;

    public PodWorker(PodWorkerContext context, PodSnapshot pod)
    {
        _context = context;
        _starter = new ContainerStarter(context);
        _pod = pod;
        Uid = _pod.Uid;
    }

    public string Uid { get; }

    /// <summary>True once the pod is gone from the API and its containers are cleaned up.</summary>
    public bool Finished { get; private set; }

    /// <summary>Completes when the worker's loop has ended.</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    public PodSnapshot Pod
    {
        get
        {
            lock (_lock)
            {
                return _pod;
            }
        }
    }

    /// <summary>The runtime container ids of a container: current and previous instance (for logs).</summary>
    public (string? Current, string? Previous) ContainerIds(string name) =>
        _records.TryGetValue(name, out var r) ? (r.Current?.Id, r.PreviousId) : (null, null);

    /// <summary>The pod's sandbox in the runtime, or null before it exists (for port-forward).</summary>
    public string? SandboxId => _sandboxId;

    public void Start(CancellationToken stopping)
    {
        _loop = RunAsync(stopping);
        Signal();
    }

    public void Update(PodSnapshot pod)
    {
        lock (_lock)
        {
            _pod = pod;
        }

        Signal();
    }

    /// <summary>The pod was deleted from the API (DELETED event, or missing from a relist).</summary>
    public void MarkDeleted()
    {
        _podGone = true;
        lock (_deletedLock)
        {
            if (!_disposed)
            {
                _deleted.Cancel(); // a finished worker may be disposed between the agent's lookup and this call
            }
        }

        Signal();
    }

    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>One sync; returns true when the worker is done (the pod is gone and cleaned up).</summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        var pod = Pod;
        if (_podGone)
        {
            await CleanupAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (pod.IsDeleting)
        {
            return await TerminateAsync(pod, cancellationToken).ConfigureAwait(false);
        }

        EnsureRecords(pod);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var wakeups = new List<DateTimeOffset?>();
        if (!pod.IsTerminal)
        {
            await EnsureSandboxAsync(pod, cancellationToken).ConfigureAwait(false);
            if (await RunInitContainersAsync(pod, wakeups, cancellationToken).ConfigureAwait(false))
            {
                await RunAppContainersAsync(pod, wakeups, cancellationToken).ConfigureAwait(false);
            }
        }

        var phase = await WriteStatusAsync(pod, terminating: false, cancellationToken).ConfigureAwait(false);
        if (phase is PodPhases.Succeeded or PodPhases.Failed)
        {
            _context.Ips.Release(Uid);
        }
        else
        {
            wakeups.AddRange(_records.Values.Select(r => r.NextProbe()));
            wakeups.Add(_context.Time.GetUtcNow() + ResyncInterval);
        }

        ScheduleWake(wakeups.OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.MaxValue).Min());
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _signal.Writer.TryComplete();
        if (_wake is not null)
        {
            await _wake.DisposeAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped with the agent.
            }
        }

        lock (_deletedLock)
        {
            _disposed = true;
            _deleted.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (await _signal.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
        {
            _signal.Reader.TryRead(out _);
            try
            {
                if (await SyncAsync(stopping).ConfigureAwait(false))
                {
                    Finished = true;
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Log.SyncFailed(_context.Logger, _pod.Namespace, _pod.Name, ex);
                ScheduleWake(_context.Time.GetUtcNow() + TimeSpan.FromSeconds(5));
            }
        }
    }

    private void EnsureRecords(PodSnapshot pod)
    {
        foreach (var (container, init) in (pod.Pod.Spec?.InitContainers ?? []).Select(c => (c, true))
                     .Concat((pod.Pod.Spec?.Containers ?? []).Select(c => (c, false))))
        {
            var name = container.Name ?? "";
            if (_records.TryGetValue(name, out var record))
            {
                record.Spec = container; // image updates take effect on the next start
            }
            else
            {
                _records[name] = new ContainerRecord(container, init);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var record in _records.Values.Where(r => r.Current is { State: not ContainerState.Exited }))
        {
            record.Current = await _context.Runtime.InspectContainerAsync(record.Current!.Id, cancellationToken).ConfigureAwait(false) ?? record.Current;
        }
    }

    private async Task EnsureSandboxAsync(PodSnapshot pod, CancellationToken cancellationToken)
    {
        if (_sandboxId is not null)
        {
            return;
        }

        var adopted = await AdoptedPod.FindAsync(_context.Runtime, Uid, cancellationToken).ConfigureAwait(false);
        var status = pod.Pod.Status;
        _startTime ??= adopted is not null && status?.StartTime is { } started ? started : _context.Time.GetUtcNow();
        var ip = pod.Pod.Spec?.HostNetwork == true ? _context.HostIp
            : adopted is not null && status?.PodIP is { Length: > 0 } known && _context.Ips.Reserve(Uid, known) ? known
            : _context.Ips.Allocate(Uid);
        _sandbox = new PodSandboxSpec
        {
            PodUid = Uid,
            Namespace = pod.Namespace,
            Name = pod.Name,
            Hostname = pod.Pod.Spec?.Hostname ?? pod.Name,
            Ip = ip,
            HostNetwork = pod.Pod.Spec?.HostNetwork == true,
            Dns = _context.Dns?.For(pod.Pod),
            Labels = ContainerLabels.For(pod, ""),
            Annotations = StringMap.From(pod.Pod.Metadata?.Annotations),
        };
        if (adopted is null)
        {
            _sandboxId = await _context.Runtime.CreateSandboxAsync(_sandbox, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AdoptAsync(adopted, cancellationToken).ConfigureAwait(false);
        }

        if (await _context.Runtime.GetSandboxIpAsync(_sandboxId!, cancellationToken).ConfigureAwait(false) is { Length: > 0 } actual)
        {
            _sandbox = _sandbox with { Ip = actual }; // the runtime chose the address (Docker's bridge)
        }
    }

    /// <summary>Takes over the sandbox and containers a previous agent left running, so a restart creates no duplicates.</summary>
    private async Task AdoptAsync(AdoptedPod adopted, CancellationToken cancellationToken)
    {
        _sandboxId = adopted.SandboxId;
        foreach (var id in adopted.Stale)
        {
            await _context.Runtime.RemoveContainerAsync(id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, found) in adopted.Containers)
        {
            if (!_records.TryGetValue(name, out var record))
            {
                continue; // no longer in the spec
            }

            record.Started(found.Current, found.Current.StartedAt ?? _context.Time.GetUtcNow());
            record.PreviousId = found.Previous?.Id;
            record.LastTerminated = found.Previous;
            record.RestartCount = found.RestartCount;

            // The back-off carries over: the last restart was for the previous instance's failure.
            _backoff.Resume(name, found.RestartCount, found.Previous?.FinishedAt ?? found.Current.CreatedAt);
            if (found.Current.State != ContainerState.Exited)
            {
                WatchExit(found.Current.Id);
            }
        }

        Log.Adopted(_context.Logger, _pod.Namespace, _pod.Name, adopted.Containers.Count);
    }

    /// <summary>Runs init containers one at a time, in order; true once all have completed successfully.</summary>
    private async Task<bool> RunInitContainersAsync(PodSnapshot pod, List<DateTimeOffset?> wakeups, CancellationToken cancellationToken)
    {
        foreach (var record in _records.Values.Where(r => r.Init))
        {
            if (record.IsExited && record.Current!.ExitCode == 0 && record.WaitingReason is null)
            {
                continue;
            }

            if (record.Current is null || record.WaitingReason is "ErrImagePull" or "ImagePullBackOff" or "CreateContainerConfigError" or "PodInitializing")
            {
                wakeups.Add(await StartAsync(pod, record, cancellationToken).ConfigureAwait(false));
            }
            else if (record.IsExited && pod.RestartPolicy != "Never")
            {
                wakeups.Add(await RestartAsync(pod, record, cancellationToken).ConfigureAwait(false));
            }

            return false;
        }

        return true;
    }

    private async Task RunAppContainersAsync(PodSnapshot pod, List<DateTimeOffset?> wakeups, CancellationToken cancellationToken)
    {
        foreach (var record in _records.Values.Where(r => !r.Init))
        {
            if (record.Current is null || (record.WaitingReason is not null and not "CrashLoopBackOff"))
            {
                wakeups.Add(await StartAsync(pod, record, cancellationToken).ConfigureAwait(false));
            }
            else if (record.IsExited && RestartPolicies.ShouldRestart(pod.RestartPolicy, record.Current.ExitCode ?? 0))
            {
                wakeups.Add(await RestartAsync(pod, record, cancellationToken).ConfigureAwait(false));
            }
            else if (record.IsRunning)
            {
                await ProbeAsync(pod, record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<DateTimeOffset?> StartAsync(PodSnapshot pod, ContainerRecord record, CancellationToken cancellationToken)
    {
        var (started, retryAt) = await _starter.StartAsync(pod, record, _sandboxId!, _sandbox!, cancellationToken).ConfigureAwait(false); // the sandbox exists after EnsureSandboxAsync
        if (started)
        {
            WatchExit(record.Current!.Id);
        }

        return retryAt;
    }

    /// <summary>Restarts an exited container now, or puts it in CrashLoopBackOff until its back-off passes.</summary>
    private async Task<DateTimeOffset?> RestartAsync(PodSnapshot pod, ContainerRecord record, CancellationToken cancellationToken)
    {
        var exited = record.Current!; // only exited instances restart
        var now = _context.Time.GetUtcNow();
        var failedAt = exited.FinishedAt ?? now;
        if (_backoff.WaitUntil(record.Name, failedAt, now) is { } until)
        {
            var delay = _backoff.Delay(record.Name);
            record.WaitingReason = "CrashLoopBackOff";
            record.WaitingMessage = $"back-off {Duration(delay)} restarting failed container={record.Name} pod={pod.Name}_{pod.Namespace}({pod.Uid})";
            record.LastTerminated = exited;
            await _context.Events.RecordAsync(pod, PodSnapshot.FieldPath(record), PodEventRecorder.Warning, "BackOff",
                $"Back-off restarting failed container {record.Name} in pod {pod.Name}_{pod.Namespace}({pod.Uid})", cancellationToken).ConfigureAwait(false);
            return until;
        }

        _backoff.Next(record.Name, failedAt);
        if (record.PreviousId is { } older)
        {
            await _context.Runtime.RemoveContainerAsync(older, cancellationToken).ConfigureAwait(false);
        }

        record.PreviousId = exited.Id;
        record.LastTerminated = exited;
        record.RestartCount++;
        record.Current = null;
        var retry = await StartAsync(pod, record, cancellationToken).ConfigureAwait(false);
        if (record.Current is null)
        {
            record.Current = exited; // still waiting (pull or config error): keep showing the last run
        }

        return retry;
    }

    private async Task ProbeAsync(PodSnapshot pod, ContainerRecord record, CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow();
        var path = PodSnapshot.FieldPath(record);
        if (!record.StartupPassed)
        {
            if (record.Startup is { } startup && startup.IsDue(now))
            {
                var result = await RunProbeAsync(startup, record, cancellationToken).ConfigureAwait(false);
                await ReportAsync(pod, path, "Startup", result, cancellationToken).ConfigureAwait(false);
                if (startup.Passing == true)
                {
                    record.StartupPassed = true;
                    record.Liveness?.Reset(now);
                    record.Readiness?.Reset(now);
                    record.Ready = record.Readiness is null;
                }
                else if (startup.Passing == false)
                {
                    await KillForProbeAsync(pod, record, "startup", cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        if (record.Liveness is { } liveness && liveness.IsDue(now))
        {
            var result = await RunProbeAsync(liveness, record, cancellationToken).ConfigureAwait(false);
            await ReportAsync(pod, path, "Liveness", result, cancellationToken).ConfigureAwait(false);
            if (liveness.Passing == false)
            {
                await KillForProbeAsync(pod, record, "liveness", cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (record.Readiness is { } readiness && readiness.IsDue(now))
        {
            var result = await RunProbeAsync(readiness, record, cancellationToken).ConfigureAwait(false);
            await ReportAsync(pod, path, "Readiness", result, cancellationToken).ConfigureAwait(false);
            record.Ready = readiness.Passing == true;
        }
    }

    private async Task<ProbeResult> RunProbeAsync(ProbeTracker tracker, ContainerRecord record, CancellationToken cancellationToken)
    {
        var result = await _context.Prober.ProbeAsync(tracker.Probe, record.Spec, record.Current!.Id, _sandboxId!, _sandbox!.Ip, cancellationToken)
            .ConfigureAwait(false); // probes run only for running containers of an existing sandbox
        tracker.Record(result.Success, _context.Time.GetUtcNow());
        return result;
    }

    private Task ReportAsync(PodSnapshot pod, string path, string kind, ProbeResult result, CancellationToken cancellationToken) =>
        result.Success
            ? Task.CompletedTask
            : _context.Events.RecordAsync(pod, path, PodEventRecorder.Warning, "Unhealthy", $"{kind} probe failed: {result.Message}", cancellationToken);

    private async Task KillForProbeAsync(PodSnapshot pod, ContainerRecord record, string kind, CancellationToken cancellationToken)
    {
        await _context.Events.RecordAsync(pod, PodSnapshot.FieldPath(record), PodEventRecorder.Normal, "Killing",
            $"Container {record.Name} failed {kind} probe, will be restarted", cancellationToken).ConfigureAwait(false);
        var grace = TimeSpan.FromSeconds(record.Spec.LivenessProbe?.TerminationGracePeriodSeconds ?? pod.Pod.Spec?.TerminationGracePeriodSeconds ?? 30);
        await _context.Runtime.StopContainerAsync(record.Current!.Id, grace, cancellationToken).ConfigureAwait(false);
        record.Current = await _context.Runtime.InspectContainerAsync(record.Current.Id, cancellationToken).ConfigureAwait(false) ?? record.Current;
        record.Ready = false;
        Signal();
    }

    /// <summary>Graceful deletion: SIGTERM, wait the grace period, SIGKILL, final status, then the delete with grace 0.</summary>
    private async Task<bool> TerminateAsync(PodSnapshot pod, CancellationToken cancellationToken)
    {
        EnsureRecords(pod);
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var grace = TimeSpan.FromSeconds(pod.Pod.Metadata?.DeletionGracePeriodSeconds ?? pod.Pod.Spec?.TerminationGracePeriodSeconds ?? 30);
        var running = _records.Values.Where(r => r.IsRunning).ToList();
        foreach (var record in running)
        {
            await _context.Events.RecordAsync(pod, PodSnapshot.FieldPath(record), PodEventRecorder.Normal, "Killing",
                $"Stopping container {record.Name}", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deleted.Token);
            await Task.WhenAll(running.Select(r => _context.Runtime.StopContainerAsync(r.Current!.Id, grace, linked.Token))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_deleted.IsCancellationRequested)
        {
            // Force-deleted meanwhile: the cleanup below kills what is left.
        }

        foreach (var record in _records.Values)
        {
            record.Ready = false;
            if (record.Current is not null)
            {
                record.WaitingReason = null;
                record.Current = await _context.Runtime.InspectContainerAsync(record.Current.Id, cancellationToken).ConfigureAwait(false) ?? record.Current;
            }
        }

        if (!_podGone)
        {
            await WriteStatusAsync(pod, terminating: true, cancellationToken).ConfigureAwait(false);
        }

        await CleanupAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _context.Client.DeleteAsync(ApiResource.Pods, pod.Namespace, pod.Name, new DeleteOptions { GracePeriodSeconds = 0, PreconditionUid = Uid }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code is 404 or 409)
        {
            // Already gone, or replaced by a pod with the same name.
        }

        return true;
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (_sandboxId is not null)
        {
            await _context.Runtime.RemoveSandboxAsync(_sandboxId, cancellationToken).ConfigureAwait(false);
            _sandboxId = null;
        }

        _context.Ips.Release(Uid);
        _context.Events.Forget(Uid);
    }

    private async Task<string> WriteStatusAsync(PodSnapshot pod, bool terminating, CancellationToken cancellationToken)
    {
        var current = pod.StatusJson();
        var status = PodStatusBuilder.Build(current, new PodStatusInput
        {
            Containers = [.. _records.Values.Select(r => r.View())],
            RestartPolicy = pod.RestartPolicy,
            Terminating = terminating,
            SandboxReady = _sandboxId is not null,
            HostIp = _context.HostIp,
            PodIp = _sandbox?.Ip ?? "",
            StartTime = _startTime,
            RuntimeName = _context.RuntimeName,
            ReadinessGates = [.. (pod.Pod.Spec?.ReadinessGates ?? []).Select(g => g.ConditionType ?? "")],
            Now = _context.Time.GetUtcNow(),
        });
        var phase = (string?)status["phase"] ?? "";
        if (JsonMergeDiff.Create(current, status) is not { } diff)
        {
            return phase;
        }

        try
        {
            var updated = await _context.Client.PatchAsync(ApiResource.Pods, pod.Namespace, pod.Name, PatchType.Merge,
                new JsonObject { ["status"] = diff }, "status", cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                if (ReferenceEquals(_pod, pod))
                {
                    _pod = PodSnapshot.From(updated);
                }
            }
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // Deleted meanwhile; the DELETED event ends the worker.
        }

        return phase;
    }

    private void WatchExit(string containerId)
    {
        _ = WaitAsync();

        async Task WaitAsync()
        {
            try
            {
                await _context.Runtime.WaitContainerAsync(containerId, _deleted.Token).ConfigureAwait(false);
                Signal();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ContainerRuntimeException)
            {
                // The pod is gone or the container was removed.
            }
        }
    }

    /// <summary>
    /// Arms the wake-up timer for <paramref name="at"/> unless an earlier one is still pending. A timer that fired
    /// clears its record first: timers run on a monotonic clock, so one may fire a moment before the wall clock
    /// reaches its due time, and the sync it triggers must then be able to arm the same moment again.
    /// </summary>
    private void ScheduleWake(DateTimeOffset at)
    {
        lock (_lock)
        {
            if (at == DateTimeOffset.MaxValue || (_wakeAt is { } pending && pending <= at))
            {
                return;
            }

            _wake?.Dispose();
            _wakeAt = at;
            var delay = at - _context.Time.GetUtcNow();
            _wake = _context.Time.CreateTimer(Fired, at, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }

        void Fired(object? due)
        {
            lock (_lock)
            {
                if (_wakeAt == (DateTimeOffset?)due)
                {
                    _wakeAt = null;
                }
            }

            Signal();
        }
    }

    private static string Duration(TimeSpan delay) =>
        delay.TotalMinutes >= 1 && delay.Seconds == 0
            ? delay.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "m0s"
            : delay.TotalMinutes >= 1
                ? $"{(int)delay.TotalMinutes}m{delay.Seconds}s"
                : delay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s";

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.PodWorker, LogLevel.Warning, "Sync of pod {Namespace}/{Name} failed; retrying")]
        public static partial void SyncFailed(ILogger logger, string @namespace, string name, Exception exception);

        [LoggerMessage(RuntimeEventIds.PodWorker + 2, LogLevel.Information, "Adopted {Count} running container(s) of pod {Namespace}/{Name} after an agent restart")]
        public static partial void Adopted(ILogger logger, string @namespace, string name, int count);
    }
}
