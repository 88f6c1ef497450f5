using System.Text.Json.Nodes;
using SuperKube.Validation;
using static SuperKube.Admission.PodSecurity.PodView;

namespace SuperKube.Admission.PodSecurity;

/// <summary>The checks of the baseline level (upstream's pod-security-admission policy package), with its wording.</summary>
internal static class BaselineChecks
{
    private static readonly HashSet<string> DefaultCapabilities =
        ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];

    private static readonly HashSet<string> SafeSysctls =
    [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    ];

    private static readonly HashSet<string> SeLinuxTypes = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

    public static IEnumerable<PodSecurityViolation?> All(PodView pod) =>
    [
        AppArmor(pod), Capabilities(pod), HostNamespaces(pod), HostPathVolumes(pod), HostPorts(pod), Privileged(pod),
        ProcMount(pod), SeLinux(pod), Seccomp(pod), Sysctls(pod),
    ];

    private static PodSecurityViolation? AppArmor(PodView pod)
    {
        var details = new List<string>();
        foreach (var (key, value) in JsonRead.StringEntries(pod.Annotations))
        {
            if (key.StartsWith("container.apparmor.security.beta.kubernetes.io/", StringComparison.Ordinal)
                && value != "runtime/default" && !value.StartsWith("localhost/", StringComparison.Ordinal))
            {
                details.Add($"{key}={GoText.Quote(value)}");
            }
        }

        if (JsonRead.String(pod.SecurityContext, "appArmorProfile", "type") == "Unconfined")
        {
            details.Add("pod must not set securityContext.appArmorProfile.type to \"Unconfined\"");
        }

        var containers = pod.ContainersWhere(sc => JsonRead.String(sc, "appArmorProfile", "type") == "Unconfined");
        if (containers.Count > 0)
        {
            details.Add($"{Named(containers)} must not set securityContext.appArmorProfile.type to \"Unconfined\"");
        }

        return Violation("appArmorProfile", "forbidden AppArmor profiles", details);
    }

    private static PodSecurityViolation? Capabilities(PodView pod)
    {
        var containers = new List<string>();
        var added = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, container) in pod.Containers)
        {
            var forbidden = Strings(JsonRead.Array(container, "securityContext", "capabilities", "add")).Where(c => !DefaultCapabilities.Contains(c)).ToList();
            if (forbidden.Count > 0)
            {
                containers.Add(name);
                added.UnionWith(forbidden);
            }
        }

        return containers.Count == 0 ? null : new("capabilities_baseline", "non-default capabilities",
            $"{Named(containers)} must not include {Quoted(added)} in securityContext.capabilities.add");
    }

    private static PodSecurityViolation? HostNamespaces(PodView pod)
    {
        var set = new[] { "hostNetwork", "hostPID", "hostIPC" }.Where(f => JsonRead.Boolean(pod.Spec, f) == true).Select(f => f + "=true").ToList();
        return set.Count == 0 ? null : new("hostNamespaces", "host namespaces", string.Join(", ", set));
    }

    private static PodSecurityViolation? HostPathVolumes(PodView pod)
    {
        var volumes = pod.Volumes.Where(v => v["hostPath"] is not null).Select(v => JsonRead.String(v, "name") ?? "").ToList();
        return volumes.Count == 0 ? null : new("hostPathVolumes", "hostPath volumes", $"{Plural("volume", "volumes", volumes.Count)} {Quoted(volumes)}");
    }

    private static PodSecurityViolation? HostPorts(PodView pod)
    {
        var containers = new List<string>();
        var ports = new List<string>();
        foreach (var (name, container) in pod.Containers)
        {
            var used = (JsonRead.Array(container, "ports") ?? []).Select(p => JsonRead.Integer(p, "hostPort")).Where(p => p is > 0).Select(p => FieldChecks.Text(p)).ToList();
            if (used.Count > 0)
            {
                containers.Add(name);
                ports.AddRange(used);
            }
        }

        return containers.Count == 0 ? null : new("hostPorts", "hostPort",
            $"{Named(containers)} {Plural("uses", "use", containers.Count)} {Plural("hostPort", "hostPorts", ports.Count)} {string.Join(", ", ports)}");
    }

    private static PodSecurityViolation? Privileged(PodView pod)
    {
        var containers = pod.ContainersWhere(sc => JsonRead.Boolean(sc, "privileged") == true);
        return containers.Count == 0 ? null : new("privileged", "privileged", $"{Named(containers)} must not set securityContext.privileged=true");
    }

    private static PodSecurityViolation? ProcMount(PodView pod)
    {
        var containers = new List<string>();
        var mounts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, container) in pod.Containers)
        {
            if (JsonRead.String(container, "securityContext", "procMount") is { } mount && mount != "Default")
            {
                containers.Add(name);
                mounts.Add(mount);
            }
        }

        return containers.Count == 0 ? null : new("procMount", "procMount", $"{Named(containers)} must not set securityContext.procMount to {Quoted(mounts)}");
    }

    private static PodSecurityViolation? SeLinux(PodView pod)
    {
        var details = new List<string>();
        void Check(JsonObject? options, string who)
        {
            var problems = new List<string>();
            if (JsonRead.String(options, "type") is { } type && !SeLinuxTypes.Contains(type))
            {
                problems.Add($"type {GoText.Quote(type)}");
            }

            foreach (var field in new[] { "user", "role" })
            {
                if (JsonRead.String(options, field) is { Length: > 0 } value)
                {
                    problems.Add($"{field} {GoText.Quote(value)}");
                }
            }

            if (problems.Count > 0)
            {
                details.Add($"{who} set forbidden securityContext.seLinuxOptions: {string.Join("; ", problems)}");
            }
        }

        Check(JsonRead.Object(pod.SecurityContext, "seLinuxOptions"), "pod");
        foreach (var (name, container) in pod.Containers)
        {
            Check(JsonRead.Object(container, "securityContext", "seLinuxOptions"), $"container {GoText.Quote(name)}");
        }

        return Violation("seLinuxOptions", "seLinuxOptions", details);
    }

    private static PodSecurityViolation? Seccomp(PodView pod)
    {
        var details = SeccompUnconfined(pod);
        return Violation("seccompProfile_baseline", "seccompProfile", details);
    }

    /// <summary>The "must not set ... Unconfined" details, shared by the baseline and restricted seccomp checks.</summary>
    public static List<string> SeccompUnconfined(PodView pod)
    {
        var details = new List<string>();
        if (JsonRead.String(pod.SecurityContext, "seccompProfile", "type") == "Unconfined")
        {
            details.Add("pod must not set securityContext.seccompProfile.type to \"Unconfined\"");
        }

        var containers = pod.ContainersWhere(sc => JsonRead.String(sc, "seccompProfile", "type") == "Unconfined");
        if (containers.Count > 0)
        {
            details.Add($"{Named(containers)} must not set securityContext.seccompProfile.type to \"Unconfined\"");
        }

        return details;
    }

    private static PodSecurityViolation? Sysctls(PodView pod)
    {
        var forbidden = (JsonRead.Array(pod.SecurityContext, "sysctls") ?? []).Select(s => JsonRead.String(s, "name") ?? "").Where(n => !SafeSysctls.Contains(n)).ToList();
        return forbidden.Count == 0 ? null : new("sysctls", "forbidden sysctls", string.Join(", ", forbidden));
    }

    public static PodSecurityViolation? Violation(string id, string reason, List<string> details) =>
        details.Count == 0 ? null : new(id, reason, string.Join("; ", details));

    public static IEnumerable<string> Strings(JsonArray? array) => (array ?? []).Select(v => JsonRead.Scalar(v) ?? "");
}
