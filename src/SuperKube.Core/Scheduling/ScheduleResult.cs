using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// The outcome of the algorithm for one pod: the chosen node, or the status (rejection or error) with the
/// rejection of each evaluated node and, when PreFilter rejected the pod, that message.
/// </summary>
internal sealed record ScheduleResult(
    string? NodeName,
    SchedulingStatus Status,
    IReadOnlyDictionary<string, SchedulingStatus> NodeStatuses,
    string? PreFilterMessage = null,
    int EvaluatedNodes = 0,
    int FeasibleNodes = 0)
{
    public static ScheduleResult Error(SchedulingStatus status) => new(null, status, new Dictionary<string, SchedulingStatus>());

    /// <summary>The plugins that rejected the pod somewhere.</summary>
    public HashSet<string> RejectingPlugins() =>
        [.. NodeStatuses.Values.Append(Status).Where(s => s.IsRejected && s.Plugin is not null).Select(s => s.Plugin!)]; // filtered to non-null
}
