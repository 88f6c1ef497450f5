using System.ComponentModel.DataAnnotations;

namespace SuperKube.Scheduling;

/// <summary>Options of the scheduler, validated when the host starts.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The name of the profile that exists by default.</summary>
    public const string DefaultSchedulerName = "default-scheduler";

    /// <summary>
    /// The profiles, keyed by the <c>spec.schedulerName</c> they serve. Default: one profile, "default-scheduler",
    /// with every registered plugin. Pods naming no profile here are left alone.
    /// </summary>
    public IDictionary<string, SchedulerProfileOptions> Profiles { get; } =
        new Dictionary<string, SchedulerProfileOptions>(StringComparer.Ordinal) { [DefaultSchedulerName] = new() };

    /// <summary>
    /// The share of nodes (1 to 100) to find feasible before scoring stops looking; 0 (the default) adapts it to
    /// the cluster size as upstream does (50% minus 1% per 125 nodes, at least 5%, at least 100 nodes).
    /// </summary>
    [Range(0, 100)]
    public int PercentageOfNodesToScore { get; set; }

    /// <summary>The backoff after a pod's first failed attempt; doubled each attempt. Default 1 second.</summary>
    public TimeSpan PodInitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff. Default 10 seconds.</summary>
    public TimeSpan PodMaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an unschedulable pod waits for a cluster event before it is retried anyway. Default 5 minutes.</summary>
    public TimeSpan PodMaxInUnschedulablePodsDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Threads used to filter and score nodes. Default: the number of processors.</summary>
    [Range(1, 1024)]
    public int Parallelism { get; set; } = Environment.ProcessorCount;
}
