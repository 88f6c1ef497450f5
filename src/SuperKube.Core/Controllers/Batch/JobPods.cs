using System.Globalization;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>Facts about a Job's pods: completion indexes, the tracking finalizer, finish times and the failure back-off.</summary>
internal static class JobPods
{
    public const string CompletionIndex = "batch.kubernetes.io/job-completion-index";

    /// <summary>Holds a pod of a Job until the Job's status has counted it (KEP-2307).</summary>
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";

    /// <summary>On a pod of a Job with <c>backoffLimitPerIndex</c>: the counted failures of its index before it.</summary>
    public const string IndexFailureCount = "batch.kubernetes.io/job-index-failure-count";

    /// <summary>On a pod of a Job with <c>backoffLimitPerIndex</c>: the failures of its index before it that the pod failure policy ignored (absent when none).</summary>
    public const string IndexIgnoredFailureCount = "batch.kubernetes.io/job-index-ignored-failure-count";

    public static bool IsIndexed(Job job) => job.Spec?.CompletionMode == "Indexed";

    /// <summary>
    /// True when a pod is replaced only once it reached the Failed phase, not while it terminates:
    /// <c>podReplacementPolicy: Failed</c>, which a pod failure policy implies.
    /// </summary>
    public static bool OnlyReplaceFailed(Job job) => job.Spec?.PodReplacementPolicy == "Failed" || PodFailurePolicy.IsSet(job);

    /// <summary>The pod's completion index (annotation, then label), or -1.</summary>
    public static int Index(Pod pod)
    {
        string? text = null;
        if (pod.Metadata?.Annotations?.TryGetValue(CompletionIndex, out var annotation) == true)
        {
            text = annotation;
        }
        else if (pod.Metadata?.Labels?.TryGetValue(CompletionIndex, out var label) == true)
        {
            text = label;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
    }

    public static bool Succeeded(Pod pod) => pod.Status?.Phase == "Succeeded";

    public static bool Failed(Pod pod) => pod.Status?.Phase == "Failed";

    /// <summary>
    /// Failed for the Job's counts: the Failed phase, or (unless <paramref name="onlyFailedPhase"/>, see
    /// <see cref="OnlyReplaceFailed"/>) deleted before it succeeded, as a pod deleted while it runs may never get to
    /// report a failure of its own.
    /// </summary>
    public static bool ConsideredFailed(Pod pod, bool onlyFailedPhase) =>
        Failed(pod) || (!onlyFailedPhase && Terminating(pod));

    /// <summary>Being deleted and not finished yet (counted in <c>status.terminating</c>).</summary>
    public static bool Terminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null && !Succeeded(pod) && !Failed(pod);

    /// <summary>True while the pod carries the tracking finalizer, that is while the Job has not counted it.</summary>
    public static bool IsTracked(Pod pod) => pod.Metadata?.Finalizers?.Contains(TrackingFinalizer) == true;

    public static string Uid(Pod pod) => pod.Metadata?.Uid ?? "";

    /// <summary>Running or pending, and not being deleted.</summary>
    public static bool Active(Pod pod) => !Succeeded(pod) && !Failed(pod) && pod.Metadata?.DeletionTimestamp is null;

    /// <summary>
    /// When a finished pod finished: its last container's finish time, else (deleted before its containers ended)
    /// when its deletion was asked for, else its creation.
    /// </summary>
    public static DateTimeOffset? FinishedAt(Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(s => s.State?.Terminated?.FinishedAt).Max()
        ?? pod.Metadata?.DeletionTimestamp?.AddSeconds(-(pod.Metadata.DeletionGracePeriodSeconds ?? 0))
        ?? pod.Metadata?.CreationTimestamp;

    /// <summary>The wait before the next pod after <paramref name="failures"/> failures: base × 2^(failures−1), capped.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan backoffBase, TimeSpan max)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var ticks = backoffBase.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The indexes below <paramref name="completions"/> in a list such as "1,3-5,7"; malformed parts are skipped.</summary>
    public static HashSet<int> ParseIndexes(string? text, int completions)
    {
        var indexes = new HashSet<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? part : part[..dash];
            var last = dash < 0 ? part : part[(dash + 1)..];
            if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                for (var i = from; i <= Math.Min(to, completions - 1); i++)
                {
                    indexes.Add(i);
                }
            }
        }

        return indexes;
    }

    /// <summary>
    /// Sorted indexes as the compressed list Kubernetes uses in <c>completedIndexes</c> and <c>failedIndexes</c>
    /// ("1,3-5,7"; two neighbours are listed, not ranged: "0,1").
    /// </summary>
    public static string FormatIndexes(IEnumerable<int> indexes)
    {
        var sorted = indexes.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add((j - i) switch
            {
                0 => sorted[i].ToString(CultureInfo.InvariantCulture),
                1 => string.Create(CultureInfo.InvariantCulture, $"{sorted[i]},{sorted[j]}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"),
            });
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
