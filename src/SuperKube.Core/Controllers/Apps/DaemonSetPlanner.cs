using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The decisions of a DaemonSet sync (upstream daemon_controller and update.go) as a pure function: one pod on every
/// eligible node, none elsewhere, failed pods replaced; then, with RollingUpdate, old pods replaced within
/// maxUnavailable (delete first) or maxSurge (create the new pod first, delete the old once the new is available).
/// </summary>
internal static class DaemonSetPlanner
{
    public static DaemonSetStep Plan(DaemonSet ds, IReadOnlyList<DaemonSetNode> nodes, DateTimeOffset now)
    {
        var step = new DaemonSetStep([], []);
        var minReady = ds.Spec?.MinReadySeconds ?? 0;
        foreach (var node in nodes)
        {
            var live = node.Live.ToList();
            if (!node.ShouldRun)
            {
                step.Delete.AddRange(live.Select(Name));
            }
            else if (live.Count == 0)
            {
                if (node.Terminating.All(p => p.Metadata?.DeletionTimestamp is null))
                {
                    step.Create.Add(node.Name);
                }

                step.Delete.AddRange(node.Terminating.Where(p => p.Metadata?.DeletionTimestamp is null).Select(Name));
            }
            else if (live.Count > 1 && !(node.Current.Count == 1 && node.Old.Count == 1 && MaxSurge(ds, nodes) > 0))
            {
                // Duplicates: keep the oldest of the newest revision present.
                var keep = node.Current.Count > 0 ? node.Current[0] : node.Old[0];
                step.Delete.AddRange(live.Where(p => p != keep).Select(Name));
            }
        }

        if (ds.Spec?.UpdateStrategy?.Type is null or "RollingUpdate" && step.Create.Count == 0 && step.Delete.Count == 0)
        {
            RollingUpdate(ds, nodes, minReady, now, step);
        }

        return step;
    }

    public static int Desired(IReadOnlyList<DaemonSetNode> nodes) => nodes.Count(n => n.ShouldRun);

    public static int MaxSurge(DaemonSet ds, IReadOnlyList<DaemonSetNode> nodes) =>
        (ds.Spec?.UpdateStrategy?.RollingUpdate?.MaxSurge ?? new Model.IntOrString(0)).GetScaledValue(Desired(nodes), roundUp: true);

    public static int MaxUnavailable(DaemonSet ds, IReadOnlyList<DaemonSetNode> nodes)
    {
        var unavailable = (ds.Spec?.UpdateStrategy?.RollingUpdate?.MaxUnavailable ?? new Model.IntOrString(1)).GetScaledValue(Desired(nodes), roundUp: true);
        return unavailable == 0 && MaxSurge(ds, nodes) == 0 ? 1 : unavailable;
    }

    private static void RollingUpdate(DaemonSet ds, IReadOnlyList<DaemonSetNode> nodes, int minReady, DateTimeOffset now, DaemonSetStep step)
    {
        var eligible = nodes.Where(n => n.ShouldRun).ToList();
        bool Available(Pod p) => PodStates.IsAvailable(p, minReady, now);
        if (MaxSurge(ds, nodes) is var surge and > 0)
        {
            var surging = 0;
            foreach (var node in eligible.Where(n => n.Old.Count > 0 && n.Current.Count > 0))
            {
                if (Available(node.Current[0]))
                {
                    step.Delete.AddRange(node.Old.Select(Name));
                }
                else
                {
                    surging++;
                }
            }

            // Nodes whose old pod is unavailable anyway are replaced without using the surge budget.
            foreach (var node in eligible.Where(n => n.Old.Count > 0 && n.Current.Count == 0))
            {
                if (!node.Old.Any(Available))
                {
                    step.Delete.AddRange(node.Old.Select(Name));
                }
                else if (surging < surge)
                {
                    step.Create.Add(node.Name);
                    surging++;
                }
            }

            return;
        }

        var unavailableNow = eligible.Count(n => !n.Live.Any(Available));
        var budget = MaxUnavailable(ds, nodes) - unavailableNow;
        foreach (var node in eligible.Where(n => n.Old.Count > 0 && n.Current.Count == 0))
        {
            if (!node.Old.Any(Available))
            {
                step.Delete.AddRange(node.Old.Select(Name));
            }
            else if (budget > 0)
            {
                step.Delete.AddRange(node.Old.Select(Name));
                budget--;
            }
        }
    }

    private static string Name(Pod pod) => pod.Metadata?.Name ?? "";
}
