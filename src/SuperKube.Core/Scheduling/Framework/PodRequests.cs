using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// The effective requests of a pod as upstream computes them: the larger of the steady state (containers plus
/// sidecars) and the peak of each init container (plus the sidecars started before it), then the overhead.
/// </summary>
internal static class PodRequests
{
    public const long DefaultMilliCpu = 100;
    public const long DefaultMemory = 200 * 1024 * 1024;

    public static ComputeResources Compute(PodSpec spec, bool nonZero)
    {
        var total = new ComputeResources();
        foreach (var container in spec.Containers ?? [])
        {
            total.Add(Container(container, nonZero));
        }

        var sidecars = new ComputeResources();
        var initPeak = new ComputeResources();
        foreach (var container in spec.InitContainers ?? [])
        {
            var requests = Container(container, nonZero);
            if (container.RestartPolicy == "Always")
            {
                total.Add(requests);
                sidecars.Add(requests);
                initPeak.Max(sidecars);
            }
            else
            {
                var during = sidecars.Clone();
                during.Add(requests);
                initPeak.Max(during);
            }
        }

        total.Max(initPeak);
        if (spec.Overhead is { } overhead)
        {
            total.Add(ComputeResources.From(overhead));
        }

        total.Pods = 1;
        return total;
    }

    public static HostPort[] HostPorts(PodSpec spec)
    {
        var containers = (spec.Containers ?? []).Concat((spec.InitContainers ?? []).Where(c => c.RestartPolicy == "Always"));
        return
        [
            .. containers.SelectMany(c => c.Ports ?? [])
                .Where(p => p.HostPort is > 0)
                .Select(p => new HostPort(p.HostIP is { Length: > 0 } ip ? ip : HostPort.AnyIp, p.Protocol is { Length: > 0 } proto ? proto : "TCP", p.HostPort!.Value)),
        ];
    }

    private static ComputeResources Container(Container container, bool nonZero)
    {
        var requests = ComputeResources.From(container.Resources?.Requests);
        if (nonZero)
        {
            var declared = container.Resources?.Requests;
            if (declared is null || !declared.ContainsKey("cpu"))
            {
                requests.MilliCpu = DefaultMilliCpu;
            }

            if (declared is null || !declared.ContainsKey("memory"))
            {
                requests.Memory = DefaultMemory;
            }
        }

        return requests;
    }
}
