using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults of a pod spec, shared by pods and every pod template (workloads, jobs, cron jobs). Pod-only defaults live in
/// <see cref="PodDefaults"/>.
/// </summary>
internal static class PodSpecDefaults
{
    /// <summary>Defaults the spec of a pod template (<c>template.spec</c>) when the template is there.</summary>
    public static void Template(JsonObject? template) => Apply(Child(template, "spec"));

    public static void Apply(JsonObject? spec)
    {
        if (spec is null)
        {
            return;
        }

        SetIfZero(spec, "dnsPolicy", "ClusterFirst");
        SetIfZero(spec, "restartPolicy", "Always");
        SetIfMissing(spec, "securityContext", new JsonObject());
        SetIfMissing(spec, "terminationGracePeriodSeconds", 30);
        SetIfZero(spec, "schedulerName", "default-scheduler");

        foreach (var volume in Items(spec, "volumes"))
        {
            VolumeDefaults.Apply(volume);
        }

        foreach (var list in ContainerDefaults.ContainerLists)
        {
            foreach (var container in Items(spec, list))
            {
                ContainerDefaults.Apply(container);
            }
        }
    }
}
