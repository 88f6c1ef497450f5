using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults that apply to a Pod object only (not to pod templates): requests copied from limits, service links, host
/// ports under host networking, and the initial status (phase Pending and the QoS class the create strategy sets).
/// </summary>
internal static class PodDefaults
{
    public static void Apply(JsonObject pod)
    {
        if (Child(pod, "spec") is { } spec)
        {
            foreach (var container in Items(spec, "initContainers").Concat(Items(spec, "containers")))
            {
                RequestsFromLimits(container);
            }

            SetIfMissing(spec, "enableServiceLinks", true);
            if (IsTrue(spec, "hostNetwork"))
            {
                HostPortsFromContainerPorts(spec);
            }

            PodSpecDefaults.Apply(spec);
        }

        var status = Obj(pod, "status");
        SetIfZero(status, "phase", "Pending");
        SetIfZero(status, "qosClass", PodQosClass.Compute(Child(pod, "spec")));
    }

    private static void RequestsFromLimits(JsonObject container)
    {
        if (Child(Child(container, "resources"), "limits") is not { } limits)
        {
            return;
        }

        var requests = Obj(Obj(container, "resources"), "requests");
        foreach (var (name, quantity) in limits)
        {
            SetIfMissing(requests, name, quantity?.DeepClone());
        }
    }

    private static void HostPortsFromContainerPorts(JsonObject spec)
    {
        foreach (var container in Items(spec, "initContainers").Concat(Items(spec, "containers")))
        {
            foreach (var port in Items(container, "ports"))
            {
                SetIfZero(port, "hostPort", port["containerPort"]?.DeepClone());
            }
        }
    }
}
