using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Diagnostics;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The built-in ReplicaSet controller: claims pods by selector (adopting orphans, releasing strays), creates missing
/// pods from the template in slow-start batches, deletes surplus pods in <see cref="PodDeletionOrder"/>, and keeps
/// the status counters (replicas, fully labeled, ready, available) current.
/// </summary>
internal sealed partial class ReplicaSetReconciler : IReconciler<ReplicaSet>
{
    public const string Component = "replicaset-controller";

    /// <summary>The most pods created or deleted in one sync.</summary>
    public const int BurstReplicas = 500;

    private readonly ILister<ReplicaSet> _sets;
    private readonly ILister<Pod> _pods;
    private readonly IKubernetesClient _client;
    private readonly PodExpectations _expectations;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ControllerEvents _events;

    public ReplicaSetReconciler(ISharedInformerFactory informers, IKubernetesClient client, ControllerEvents events, TimeProvider time, ILogger<ReplicaSetReconciler> logger)
    {
        _events = events;
        _sets = informers.GetInformer<ReplicaSet>().Lister;
        _pods = informers.GetInformer<Pod>().Lister;
        _client = client.WithFieldManager(DeploymentReconciler.FieldManager);
        _expectations = new PodExpectations(time);
        _time = time;
        _logger = logger;
    }

    public static void Configure(ControllerBuilder<ReplicaSet> controller) =>
        controller.WithName("replicaset").WithConcurrency(5).Owns<Pod>().Watches<Pod>(OrphanPodOwners);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var key = request.ToString();
        var rs = _sets.Get(request.Namespace, request.Name);
        if (rs is null)
        {
            _expectations.Forget(key);
            return ReconcileResult.Done;
        }

        var ns = request.Namespace;
        var needsSync = _expectations.Satisfied(key, _pods.Revision, name => _pods.Get(ns, name) is { Metadata.DeletionTimestamp: null });
        var selector = Selectors.From(rs.Spec?.Selector);
        var claimed = await ControllerClaims.ClaimAsync(_client, rs, selector, _pods, cancellationToken).ConfigureAwait(false);
        var active = claimed.Where(PodStates.IsActive).ToList();
        var diff = active.Count - ReplicaSets.Desired(rs);
        Exception? failure = null;
        if (needsSync && rs.Metadata?.DeletionTimestamp is null && diff != 0)
        {
            failure = diff < 0
                ? await CreatePodsAsync(key, rs, Math.Min(-diff, BurstReplicas), cancellationToken).ConfigureAwait(false)
                : await DeletePodsAsync(key, rs, active, Math.Min(diff, BurstReplicas), cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var status = ReplicaSetStatusCalculator.Calculate(rs, active, failure is null ? null : (diff < 0 ? "FailedCreate" : "FailedDelete", failure.Message), now);
        if (!ModelJson.SameJson(rs.Status, status))
        {
            var copy = ModelJson.Clone(rs);
            copy.Status = status;
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"syncing replica set {key} failed: {failure.Message}", failure);
        }

        return ReplicaSetStatusCalculator.NextAvailability(rs, active, now) is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    /// <summary>Orphan pods: every ReplicaSet of the namespace whose selector matches may adopt them.</summary>
    private static List<ReconcileRequest> OrphanPodOwners(Pod pod, IServiceProvider services)
    {
        if (ControllerRefs.ControllerOf(pod.Metadata) is not null)
        {
            return [];
        }

        var ns = pod.Metadata?.Namespace ?? "";
        var sets = services.GetRequiredService<ISharedInformerFactory>().GetInformer<ReplicaSet>().Lister;
        return [.. sets.List(ns)
            .Where(rs => Selectors.Matches(Selectors.From(rs.Spec?.Selector), pod.Metadata?.Labels))
            .Select(rs => new ReconcileRequest(ns, rs.Metadata?.Name ?? ""))];
    }

    private async Task<Exception?> CreatePodsAsync(string key, ReplicaSet rs, int count, CancellationToken cancellationToken)
    {
        var template = WorkloadPods.FromTemplate(rs, rs.Spec?.Template, name: null, generateName: rs.Metadata?.Name + "-");
        var ns = rs.Metadata?.Namespace;
        var (created, error) = await SlowStart.RunAsync(count, 1, async token =>
        {
            var pod = await _client.CreateAsync(ApiResource.Pods, ns, template.DeepClone().AsObject(), token).ConfigureAwait(false);
            if (long.TryParse((string?)pod["metadata"]?["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                _expectations.Created(key, revision);
            }

            await Event(rs, "SuccessfulCreate", $"Created pod: {pod["metadata"]?["name"]}", token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        Log.Created(_logger, key, created, count);
        return error;
    }

    private Task Event(ReplicaSet rs, string reason, string message, CancellationToken cancellationToken) =>
        _events.RecordAsync(Component, "apps/v1", "ReplicaSet", rs.Metadata, ControllerEvents.Normal, reason, message, cancellationToken);

    private async Task<Exception?> DeletePodsAsync(string key, ReplicaSet rs, List<Pod> active, int count, CancellationToken cancellationToken)
    {
        active.Sort(PodDeletionOrder.For(active));
        var victims = active.Take(count).ToList();
        foreach (var pod in victims)
        {
            _expectations.Deleting(key, pod.Metadata?.Name ?? "");
        }

        var tasks = victims.Select(async pod =>
        {
            try
            {
                await _client.DeleteAsync(ApiResource.Pods, rs.Metadata?.Namespace, pod.Metadata?.Name ?? "", null, cancellationToken).ConfigureAwait(false);
                await Event(rs, "SuccessfulDelete", $"Deleted pod: {pod.Metadata?.Name}", cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _expectations.Forget(key);
                return ex;
            }
        }).ToList();
        var errors = await Task.WhenAll(tasks).ConfigureAwait(false);
        Log.Deleted(_logger, key, count);
        return errors.FirstOrDefault(e => e is not null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 100, Level = LogLevel.Debug,
            Message = "ReplicaSet {Key}: created {Created} of {Wanted} pods")]
        public static partial void Created(ILogger logger, string key, int created, int wanted);

        [LoggerMessage(EventId = SuperKubeEventIds.Controllers + 101, Level = LogLevel.Debug, Message = "ReplicaSet {Key}: deleting {Count} pods")]
        public static partial void Deleted(ILogger logger, string key, int count);
    }
}
