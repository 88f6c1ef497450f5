using SuperKube.Validation;
using static SuperKube.Admission.PodSecurity.PodView;

namespace SuperKube.Admission.PodSecurity;

/// <summary>The checks the restricted level adds to baseline (its seccomp and capabilities checks replace baseline's).</summary>
internal static class RestrictedChecks
{
    private static readonly HashSet<string> AllowedVolumes =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    /// <summary>The baseline checks restricted replaces.</summary>
    public static readonly HashSet<string> Overrides = ["seccompProfile_baseline", "capabilities_baseline"];

    public static IEnumerable<PodSecurityViolation?> All(PodView pod) =>
        [AllowPrivilegeEscalation(pod), Capabilities(pod), RestrictedVolumes(pod), RunAsNonRoot(pod), RunAsUser(pod), Seccomp(pod)];

    private static PodSecurityViolation? AllowPrivilegeEscalation(PodView pod)
    {
        var containers = pod.ContainersWhere(sc => JsonRead.Boolean(sc, "allowPrivilegeEscalation") != false);
        return containers.Count == 0 ? null : new("allowPrivilegeEscalation", "allowPrivilegeEscalation != false",
            $"{Named(containers)} must set securityContext.allowPrivilegeEscalation=false");
    }

    private static PodSecurityViolation? Capabilities(PodView pod)
    {
        var missingDrop = new List<string>();
        var adding = new List<string>();
        var added = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, container) in pod.Containers)
        {
            if (!BaselineChecks.Strings(JsonRead.Array(container, "securityContext", "capabilities", "drop")).Contains("ALL"))
            {
                missingDrop.Add(name);
            }

            var forbidden = BaselineChecks.Strings(JsonRead.Array(container, "securityContext", "capabilities", "add")).Where(c => c != "NET_BIND_SERVICE").ToList();
            if (forbidden.Count > 0)
            {
                adding.Add(name);
                added.UnionWith(forbidden);
            }
        }

        var details = new List<string>();
        if (missingDrop.Count > 0)
        {
            details.Add($"{Named(missingDrop)} must set securityContext.capabilities.drop=[\"ALL\"]");
        }

        if (adding.Count > 0)
        {
            details.Add($"{Named(adding)} must not include {Quoted(added)} in securityContext.capabilities.add");
        }

        return BaselineChecks.Violation("capabilities_restricted", "unrestricted capabilities", details);
    }

    private static PodSecurityViolation? RestrictedVolumes(PodView pod)
    {
        var volumes = new List<string>();
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var volume in pod.Volumes)
        {
            var type = volume.Select(p => p.Key).FirstOrDefault(k => k != "name");
            if (type is not null && !AllowedVolumes.Contains(type))
            {
                volumes.Add(JsonRead.String(volume, "name") ?? "");
                types.Add(type);
            }
        }

        return volumes.Count == 0 ? null : new("restrictedVolumes", "restricted volume types",
            $"{Plural("volume", "volumes", volumes.Count)} {Quoted(volumes)} {Plural("uses", "use", volumes.Count)} restricted volume {Plural("type", "types", types.Count)} {Quoted(types)}");
    }

    private static PodSecurityViolation? RunAsNonRoot(PodView pod)
    {
        var podValue = JsonRead.Boolean(pod.SecurityContext, "runAsNonRoot");
        var details = new List<string>();
        if (podValue == false)
        {
            details.Add("pod must not set securityContext.runAsNonRoot=false");
        }

        var explicitlyBad = pod.ContainersWhere(sc => JsonRead.Boolean(sc, "runAsNonRoot") == false);
        if (explicitlyBad.Count > 0)
        {
            details.Add($"{Named(explicitlyBad)} must not set securityContext.runAsNonRoot=false");
        }

        var implicitlyBad = podValue == true ? [] : pod.ContainersWhere(sc => JsonRead.Boolean(sc, "runAsNonRoot") is null);
        if (implicitlyBad.Count > 0)
        {
            details.Add($"pod or {Named(implicitlyBad)} must set securityContext.runAsNonRoot=true");
        }

        return BaselineChecks.Violation("runAsNonRoot", "runAsNonRoot != true", details);
    }

    private static PodSecurityViolation? RunAsUser(PodView pod)
    {
        var details = new List<string>();
        if (JsonRead.Integer(pod.SecurityContext, "runAsUser") == 0)
        {
            details.Add("pod must not set runAsUser=0");
        }

        var containers = pod.ContainersWhere(sc => JsonRead.Integer(sc, "runAsUser") == 0);
        if (containers.Count > 0)
        {
            details.Add($"{Named(containers)} must not set runAsUser=0");
        }

        return BaselineChecks.Violation("runAsUser", "runAsUser=0", details);
    }

    private static PodSecurityViolation? Seccomp(PodView pod)
    {
        var details = BaselineChecks.SeccompUnconfined(pod);
        var podValid = JsonRead.String(pod.SecurityContext, "seccompProfile", "type") is "RuntimeDefault" or "Localhost";
        var unset = podValid ? [] : pod.ContainersWhere(sc => JsonRead.String(sc, "seccompProfile", "type") is null);
        if (unset.Count > 0)
        {
            details.Add($"pod or {Named(unset)} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
        }

        return BaselineChecks.Violation("seccompProfile_restricted", "seccompProfile", details);
    }
}
