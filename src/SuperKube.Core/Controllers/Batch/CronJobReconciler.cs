using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using SuperKube.Resources;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// The built-in CronJob controller: tracks the cron job's jobs (<c>status.active</c>, <c>lastSuccessfulTime</c>),
/// deletes finished jobs beyond the history limits, starts a job when <see cref="CronJobPlanner"/> says one is due
/// (named <c>CRONJOB-MINUTES</c>, annotated with the scheduled time) and requeues itself for the next scheduled time
/// on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class CronJobReconciler : IReconciler<CronJob>
{
    public const string FieldManager = "cronjob-controller";
    public const string ScheduledTimestamp = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private readonly ILister<CronJob> _cronJobs;
    private readonly ILister<Job> _jobs;
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;

    public CronJobReconciler(ISharedInformerFactory informers, IKubernetesClient client, TimeProvider time)
    {
        _cronJobs = informers.GetInformer<CronJob>().Lister;
        _jobs = informers.GetInformer<Job>().Lister;
        _client = client.WithFieldManager(FieldManager);
        _time = time;
    }

    public static void Configure(ControllerBuilder<CronJob> controller) => controller.WithName("cronjob").WithConcurrency(5).Owns<Job>();

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var cronJob = _cronJobs.Get(request.Namespace, request.Name);
        if (cronJob is null || cronJob.Metadata?.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var now = _time.GetUtcNow();
        var jobs = _jobs.ByIndex(InformerIndexes.ControllerUid, cronJob.Metadata?.Uid ?? "").ToList();
        var status = cronJob.Status is null ? new CronJobStatus() : ModelJson.Clone(cronJob.Status);
        var active = jobs.Where(j => !JobConditions.IsFinished(j.Status)).ToList();
        if (jobs.Where(j => JobConditions.IsTrue(j.Status, "Complete")).Select(j => j.Status?.CompletionTime).Max() is { } success
            && (status.LastSuccessfulTime is null || success > status.LastSuccessfulTime))
        {
            status.LastSuccessfulTime = success;
        }

        await TrimHistoryAsync(cronJob, jobs, cancellationToken).ConfigureAwait(false);

        DateTimeOffset? next = null;
        if (CronSchedule.TryParse(cronJob.Spec?.Schedule, out var schedule, out _) && CronJobPlanner.Zone(cronJob, schedule) is { } zone)
        {
            var decision = CronJobPlanner.Decide(cronJob, schedule, zone, active.Count, now);
            next = decision.Next;
            if (decision.Run is { } scheduled)
            {
                if (decision.ReplaceActive)
                {
                    foreach (var job in active)
                    {
                        await DeleteJobAsync(job, cancellationToken).ConfigureAwait(false);
                    }

                    active.Clear();
                }

                var created = await CreateJobAsync(cronJob, scheduled, cancellationToken).ConfigureAwait(false);
                if (created is not null)
                {
                    active.Add(created);
                }

                status.LastScheduleTime = scheduled;
            }
        }

        status.Active = active.Count == 0 ? null : [.. active.OrderBy(j => j.Metadata?.Name, StringComparer.Ordinal).Select(Reference)];
        if (!ModelJson.SameJson(cronJob.Status, status))
        {
            var copy = ModelJson.Clone(cronJob);
            copy.Status = status;
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        return next is { } at ? ReconcileResult.After(at - now + TimeSpan.FromMilliseconds(100)) : ReconcileResult.Done;
    }

    private static ObjectReference Reference(Job job) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "Job",
        Name = job.Metadata?.Name,
        Namespace = job.Metadata?.Namespace,
        Uid = job.Metadata?.Uid,
        ResourceVersion = job.Metadata?.ResourceVersion,
    };

    private async Task<Job?> CreateJobAsync(CronJob cronJob, DateTimeOffset scheduled, CancellationToken cancellationToken)
    {
        var template = cronJob.Spec?.JobTemplate;
        var meta = ModelJson.ToNode(template?.Metadata) as JsonObject ?? [];
        meta["name"] = CronJobPlanner.JobName(cronJob.Metadata?.Name ?? "", scheduled);
        meta["namespace"] = cronJob.Metadata?.Namespace;
        meta["ownerReferences"] = new JsonArray(ModelJson.ToNode(ControllerRefs.For(cronJob)));
        var annotations = meta["annotations"] as JsonObject ?? [];
        annotations[ScheduledTimestamp] = scheduled.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        meta["annotations"] = annotations;
        var job = new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = meta,
            ["spec"] = ModelJson.ToNode(template?.Spec) ?? new JsonObject(),
        };
        try
        {
            var created = await _client.CreateAsync(ApiResource.Jobs, cronJob.Metadata?.Namespace, job, cancellationToken).ConfigureAwait(false);
            return KubernetesClientExtensions.FromJson<Job>(created);
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            // Created by an earlier sync whose status update did not land.
            return null;
        }
    }

    /// <summary>Deletes the oldest finished jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit.</summary>
    private async Task TrimHistoryAsync(CronJob cronJob, List<Job> jobs, CancellationToken cancellationToken)
    {
        foreach (var (type, limit) in new[] { ("Complete", cronJob.Spec?.SuccessfulJobsHistoryLimit ?? 3), ("Failed", cronJob.Spec?.FailedJobsHistoryLimit ?? 1) })
        {
            var finished = jobs.Where(j => JobConditions.IsTrue(j.Status, type))
                .OrderBy(j => j.Status?.StartTime ?? j.Metadata?.CreationTimestamp).ThenBy(j => j.Metadata?.Name, StringComparer.Ordinal).ToList();
            foreach (var job in finished.Take(Math.Max(0, finished.Count - limit)))
            {
                await DeleteJobAsync(job, cancellationToken).ConfigureAwait(false);
                jobs.Remove(job);
            }
        }
    }

    private async Task DeleteJobAsync(Job job, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteAsync(ApiResource.Jobs, job.Metadata?.Namespace, job.Metadata?.Name ?? "", new DeleteOptions { PropagationPolicy = "Background" }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // Already gone.
        }
    }
}
