using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// The built-in Job controller: runs the job's pods as <see cref="JobPlanner"/> decides, labels them with the job's
/// name and UID (and completion index when Indexed: annotation, label, hostname <c>JOB-N</c> and the
/// <c>JOB_COMPLETION_INDEX</c> variable, and the index's failure counts with <c>backoffLimitPerIndex</c>), keeps the
/// status and its conditions, and deletes finished jobs after
/// <c>ttlSecondsAfterFinished</c>. Its pods carry the <see cref="JobPods.TrackingFinalizer"/> until the status has
/// counted them (<see cref="JobTracking"/>): record, let go, count, in that order; the pods of a finished or deleted job
/// are let go too, so none is left stuck.
/// </summary>
internal sealed class JobReconciler : IReconciler<Job>
{
    public const string FieldManager = "job-controller";

    private readonly ILister<Job> _jobs;
    private readonly ILister<Pod> _pods;
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly Apps.PodExpectations _expectations;
    private readonly IOptionsMonitor<JobControllerOptions> _options;

    public JobReconciler(ISharedInformerFactory informers, IKubernetesClient client, TimeProvider time, IOptionsMonitor<JobControllerOptions> options)
    {
        _jobs = informers.GetInformer<Job>().Lister;
        _pods = informers.GetInformer<Pod>().Lister;
        _client = client.WithFieldManager(FieldManager);
        _time = time;
        _expectations = new Apps.PodExpectations(time);
        _options = options;
    }

    public static void Configure(ControllerBuilder<Job> controller) => controller.WithName("job").WithConcurrency(5).Owns<Pod>();

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var key = request.ToString();
        var job = _jobs.Get(request.Namespace, request.Name);
        if (job is null || job.Metadata?.DeletionTimestamp is not null)
        {
            _expectations.Forget(key);
            await ReleaseAllAsync(key, LeftBehind(request, job), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        // Until the cache has seen the pods this controller just created, deleted or let go, counting them would create
        // extra pods (or delete ones that already finished, or count a pod twice); their events reconcile the job again.
        if (!_expectations.Satisfied(key, _pods.Revision, name => _pods.Get(request.Namespace, name) is { Metadata.DeletionTimestamp: null }))
        {
            return ReconcileResult.After(TimeSpan.FromSeconds(1));
        }

        var now = _time.GetUtcNow();
        var pods = _pods.ByIndex(InformerIndexes.ControllerUid, job.Metadata?.Uid ?? "");
        if (JobConditions.IsFinished(job.Status) && job.Spec?.TtlSecondsAfterFinished is { } ttl)
        {
            await ReleaseAllAsync(key, pods, cancellationToken).ConfigureAwait(false);
            var expiry = (JobConditions.FinishedAt(job.Status) ?? now).AddSeconds(ttl);
            if (expiry > now)
            {
                return ReconcileResult.After(expiry - now);
            }

            await DeleteExpiredAsync(job, pods, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var plan = JobPlanner.Plan(job, pods, now, _options.CurrentValue);
        foreach (var index in plan.Create)
        {
            var created = await _client.CreateAsync(ApiResource.Pods, job.Metadata?.Namespace, NewPod(job, index, plan.FailureCounts.TryGetValue(index, out var failures) ? failures : null), cancellationToken).ConfigureAwait(false);
            _expectations.Created(key, ResourceReader.ParseRevision(ObjectMetadata.ResourceVersion(created)));
        }

        // Record what finished before any finalizer goes, then let go, then count what was let go.
        job = await WriteStatusAsync(job, plan.Status, cancellationToken).ConfigureAwait(false);
        var stillTracked = pods.Where(JobPods.IsTracked).Select(JobPods.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var pod in plan.Release)
        {
            await ReleaseAsync(key, pod, cancellationToken).ConfigureAwait(false);
            stillTracked.Remove(JobPods.Uid(pod));
        }

        foreach (var name in plan.Delete)
        {
            _expectations.Deleting(key, name);
            await DeleteAsync(ApiResource.Pods, job.Metadata?.Namespace, name, null, cancellationToken).ConfigureAwait(false);
        }

        var settled = ModelJson.Clone(plan.Status);
        JobTracking.Settle(settled, plan.Finish, stillTracked, now);
        await WriteStatusAsync(job, settled, cancellationToken).ConfigureAwait(false);

        if (JobConditions.IsFinished(settled) && job.Spec?.TtlSecondsAfterFinished is { } after)
        {
            return ReconcileResult.After(TimeSpan.FromSeconds(Math.Max(after, 0)));
        }

        return plan.RequeueAfter is { } delay ? ReconcileResult.After(delay < TimeSpan.Zero ? TimeSpan.Zero : delay) : ReconcileResult.Done;
    }

    /// <summary>Writes the status when it changed; returns the job as stored (its new resourceVersion for the next write).</summary>
    private async Task<Job> WriteStatusAsync(Job job, JobStatus status, CancellationToken cancellationToken)
    {
        if (ModelJson.SameJson(job.Status, status))
        {
            return job;
        }

        var copy = ModelJson.Clone(job);
        copy.Status = status;
        return await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The tracked pods of a job that is gone or being deleted: by controller when the job is still there, else every
    /// pod of the namespace controlled by a Job of that name (or orphaned from one, by its job-name label).
    /// </summary>
    private IEnumerable<Pod> LeftBehind(ReconcileRequest request, Job? job)
    {
        if (job is not null)
        {
            return _pods.ByIndex(InformerIndexes.ControllerUid, job.Metadata?.Uid ?? "").Where(JobPods.IsTracked);
        }

        return _pods.ByIndex(InformerIndexes.Namespace, request.Namespace ?? "").Where(p => JobPods.IsTracked(p)
            && (ControllerRefs.ControllerOf(p.Metadata) is { } owner
                ? ControllerRefs.Refers(owner, "batch", "Job") && owner.Name == request.Name
                : p.Metadata?.Labels?.TryGetValue("batch.kubernetes.io/job-name", out var name) == true && name == request.Name));
    }

    private async Task ReleaseAllAsync(string key, IEnumerable<Pod> pods, CancellationToken cancellationToken)
    {
        foreach (var pod in pods.Where(JobPods.IsTracked).ToList())
        {
            await ReleaseAsync(key, pod, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes the tracking finalizer (uid-guarded, so a new pod of the same name is left alone); the next sync waits
    /// until the cache shows the change. A pod already gone or replaced counts as let go.
    /// </summary>
    private async Task ReleaseAsync(string key, Pod pod, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["$deleteFromPrimitiveList/finalizers"] = new JsonArray(JobPods.TrackingFinalizer),
                ["uid"] = JobPods.Uid(pod),
            },
        };
        try
        {
            var patched = await _client.PatchAsync(ApiResource.Pods, pod.Metadata?.Namespace, pod.Metadata?.Name ?? "", PatchType.StrategicMerge, patch, "", cancellationToken)
                .ConfigureAwait(false);
            _expectations.Patched(key, ResourceReader.ParseRevision(ObjectMetadata.ResourceVersion(patched)));
        }
        catch (ApiException ex) when (ex.Code is 404 or 409)
        {
            // Gone (its deletion completed), or a new pod took the name.
        }
    }

    /// <summary>A new pod of the job: <paramref name="index"/> is its completion index (or -1), <paramref name="failures"/> its index's failure counts (backoffLimitPerIndex).</summary>
    private static JsonObject NewPod(Job job, int index, (int Failures, int Ignored)? failures)
    {
        var name = job.Metadata?.Name ?? "";
        var uid = job.Metadata?.Uid ?? "";
        var labels = new Dictionary<string, string>
        {
            ["batch.kubernetes.io/controller-uid"] = uid,
            ["batch.kubernetes.io/job-name"] = name,
            ["controller-uid"] = uid,
            ["job-name"] = name,
        };
        var text = index.ToString(CultureInfo.InvariantCulture);
        if (index >= 0)
        {
            labels[JobPods.CompletionIndex] = text;
        }

        var pod = WorkloadPods.FromTemplate(job, job.Spec?.Template, null, index >= 0 ? $"{name}-{text}-" : name + "-", labels);
        var meta = pod["metadata"]!.AsObject();
        var finalizers = meta["finalizers"] as JsonArray ?? [];
        if (!finalizers.Any(f => (string?)f == JobPods.TrackingFinalizer))
        {
            finalizers.Add(JobPods.TrackingFinalizer);
        }

        meta["finalizers"] = finalizers;
        if (index < 0)
        {
            return pod;
        }

        var annotations = meta["annotations"] as JsonObject ?? [];
        annotations[JobPods.CompletionIndex] = text;
        if (failures is { } counts)
        {
            annotations[JobPods.IndexFailureCount] = counts.Failures.ToString(CultureInfo.InvariantCulture);
            if (counts.Ignored > 0)
            {
                annotations[JobPods.IndexIgnoredFailureCount] = counts.Ignored.ToString(CultureInfo.InvariantCulture);
            }
        }

        meta["annotations"] = annotations;
        var spec = pod["spec"]!.AsObject();
        spec["hostname"] = $"{name}-{text}";
        foreach (var container in spec["containers"] as JsonArray ?? [])
        {
            if (container is JsonObject c)
            {
                var env = c["env"] as JsonArray ?? [];
                env.Add(new JsonObject
                {
                    ["name"] = "JOB_COMPLETION_INDEX",
                    ["valueFrom"] = new JsonObject
                    {
                        ["fieldRef"] = new JsonObject { ["fieldPath"] = $"metadata.annotations['{JobPods.CompletionIndex}']" },
                    },
                });
                c["env"] = env;
            }
        }

        return pod;
    }

    /// <summary>Deletes a finished job past its TTL with its pods (there is no garbage collector to do the pods yet).</summary>
    private async Task DeleteExpiredAsync(Job job, IReadOnlyList<Pod> pods, CancellationToken cancellationToken)
    {
        foreach (var pod in pods)
        {
            await DeleteAsync(ApiResource.Pods, job.Metadata?.Namespace, pod.Metadata?.Name ?? "", null, cancellationToken).ConfigureAwait(false);
        }

        var options = new DeleteOptions
        {
            PropagationPolicy = "Background",
            PreconditionUid = job.Metadata?.Uid,
        };
        await DeleteAsync(ApiResource.Jobs, job.Metadata?.Namespace, job.Metadata?.Name ?? "", options, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteAsync(resource, ns, name, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code is 404 or 409)
        {
            // Already gone, or replaced by a new object of the same name.
        }
    }
}
