using SuperKube.Model.Core;

namespace SuperKube.Taints;

/// <summary>Toleration matching as upstream defines it.</summary>
internal static class Tolerations
{
    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.Operator switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

    public static bool Tolerated(IEnumerable<Toleration>? tolerations, Taint taint) => tolerations?.Any(t => Tolerates(t, taint)) ?? false;

    /// <summary>The first NoSchedule or NoExecute taint the pod does not tolerate, or null.</summary>
    public static Taint? FirstUntolerated(IReadOnlyList<Taint> taints, IList<Toleration>? tolerations)
    {
        foreach (var taint in taints)
        {
            if (taint.Effect is "NoSchedule" or "NoExecute" && !Tolerated(tolerations, taint))
            {
                return taint;
            }
        }

        return null;
    }
}
