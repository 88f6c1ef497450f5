namespace SuperKube.Admission.PodSecurity;

/// <summary>Evaluates a pod against a level: the failed checks in upstream's order (by check id).</summary>
internal static class PodSecurityChecks
{
    public static List<PodSecurityViolation> Evaluate(PodSecurityLevel level, PodView pod)
    {
        if (level == PodSecurityLevel.Privileged)
        {
            return [];
        }

        var checks = BaselineChecks.All(pod);
        if (level == PodSecurityLevel.Restricted)
        {
            checks = checks.Where(v => v is null || !RestrictedChecks.Overrides.Contains(v.Id)).Concat(RestrictedChecks.All(pod));
        }

        return [.. checks.OfType<PodSecurityViolation>().OrderBy(v => v.Id, StringComparer.Ordinal)];
    }

    /// <summary>The violations as upstream joins them into one message.</summary>
    public static string Describe(IEnumerable<PodSecurityViolation> violations) => string.Join(", ", violations);
}
