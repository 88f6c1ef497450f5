using System.Globalization;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// What an agent that restarted finds in the runtime for one of its pods: the sandbox the newest containers run in,
/// and per container name the newest instance, the one before it (for <c>logs --previous</c>) and the restart count
/// it carried. Anything older, or in another sandbox, is <see cref="Stale"/> and gets removed.
/// </summary>
internal sealed record AdoptedPod(string SandboxId, IReadOnlyDictionary<string, AdoptedContainer> Containers, IReadOnlyList<string> Stale)
{
    /// <summary>The pod's containers in <paramref name="runtime"/>, or null when it has none (nothing to adopt).</summary>
    public static async Task<AdoptedPod?> FindAsync(IContainerRuntime runtime, string podUid, CancellationToken cancellationToken)
    {
        var found = await runtime.ListContainersAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [ContainerLabels.PodUid] = podUid }, cancellationToken)
            .ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        // Newest first; instances created within the clock's resolution are told apart by their restart count.
        var newest = found.OrderByDescending(c => c.CreatedAt).ThenByDescending(RestartCount).ToList();
        var sandbox = newest[0].SandboxId;
        var containers = new Dictionary<string, AdoptedContainer>(StringComparer.Ordinal);
        var stale = newest.Where(c => c.SandboxId != sandbox).Select(c => c.Id).ToList();
        foreach (var instances in newest.Where(c => c.SandboxId == sandbox).GroupBy(c => c.Name, StringComparer.Ordinal))
        {
            var ordered = instances.ToList();
            containers[instances.Key] = new AdoptedContainer(ordered[0], ordered.Count > 1 ? ordered[1] : null, RestartCount(ordered[0]));
            stale.AddRange(ordered.Skip(2).Select(c => c.Id));
        }

        return new AdoptedPod(sandbox, containers, stale);
    }

    private static int RestartCount(ContainerInfo info) =>
        info.Annotations.TryGetValue(ContainerLabels.RestartCount, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
