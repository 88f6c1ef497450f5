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
/// <c>JOB_COMPLETION_INDEX</c> variable), keeps the status and its conditions, and deletes finished jobs after
/// <c>ttlSecondsAfterFinished</c>. Finished pods are kept and counted, so no tracking finalizer is used.
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
            return ReconcileResult.Done;
        }

        // Until the cache has seen the pods this controller just created or deleted, counting them would create
        // extra pods (or delete ones that already finished); their events reconcile the job again.
        if (!_expectations.Satisfied(key, _pods.Revision, name => _pods.Get(request.Namespace, name) is { Metadata.DeletionTimestamp: null }))
        {
            return ReconcileResult.After(TimeSpan.FromSeconds(1));
        }

        var now = _time.GetUtcNow();
        var pods = _pods.ByIndex(InformerIndexes.ControllerUid, job.Metadata?.Uid ?? "");
        if (JobConditions.IsFinished(job.Status) && job.Spec?.TtlSecondsAfterFinished is { } ttl)
        {
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
            var created = await _client.CreateAsync(ApiResource.Pods, job.Metadata?.Namespace, NewPod(job, index), cancellationToken).ConfigureAwait(false);
            _expectations.Created(key, ResourceReader.ParseRevision(ObjectMetadata.ResourceVersion(created)));
        }

        foreach (var name in plan.Delete)
        {
            _expectations.Deleting(key, name);
            await DeleteAsync(ApiResource.Pods, job.Metadata?.Namespace, name, null, cancellationToken).ConfigureAwait(false);
        }

        if (!ModelJson.SameJson(job.Status, plan.Status))
        {
            var copy = ModelJson.Clone(job);
            copy.Status = plan.Status;
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        if (JobConditions.IsFinished(plan.Status) && job.Spec?.TtlSecondsAfterFinished is { } after)
        {
            return ReconcileResult.After(TimeSpan.FromSeconds(Math.Max(after, 0)));
        }

        return plan.RequeueAfter is { } delay ? ReconcileResult.After(delay < TimeSpan.Zero ? TimeSpan.Zero : delay) : ReconcileResult.Done;
    }

    private static JsonObject NewPod(Job job, int index)
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
        if (index < 0)
        {
            return pod;
        }

        var meta = pod["metadata"]!.AsObject();
        var annotations = meta["annotations"] as JsonObject ?? [];
        annotations[JobPods.CompletionIndex] = text;
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
