using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Services.Tests;

namespace SuperKube.Controllers.Discovery.Tests;

/// <summary>The endpoint controllers running in an in-process server, driven through the API.</summary>
public sealed class DiscoveryControllersTests
{
    [Fact]
    public async Task Controllers_ServiceWithReadyPod_PublishEndpointsAndSlice()
    {
        await using var host = await StartAsync();
        await host.ServiceAsync("web", """{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"web"}]}""");

        await PodAsync(host, "web-1", "10.244.0.7", ready: true);

        var endpoints = await ServiceTestHost.EventuallyAsync(
            () => host.Client.GetAsync(ApiResource.Endpoints, "default", "web", default),
            e => e?["subsets"]?[0]?["addresses"]?[0]?["ip"]?.GetValue<string>() == "10.244.0.7", "Endpoints with the pod");
        Assert.Equal(8080, endpoints!["subsets"]![0]!["ports"]![0]!["port"]!.GetValue<int>());
        var slice = await ServiceTestHost.EventuallyAsync(
            async () => (await host.Client.ListAsync(ApiResource.EndpointSlices, "default", null, default)).Items
                .FirstOrDefault(s => s["metadata"]?["labels"]?["kubernetes.io/service-name"]?.GetValue<string>() == "web"),
            s => s?["endpoints"]?[0]?["addresses"]?[0]?.GetValue<string>() == "10.244.0.7", "EndpointSlice with the pod");
        Assert.Equal("endpointslice-controller.k8s.io", slice!["metadata"]!["labels"]!["endpointslice.kubernetes.io/managed-by"]!.GetValue<string>());
        Assert.Equal("IPv4", slice["addressType"]!.GetValue<string>());
        Assert.True(slice["endpoints"]![0]!["conditions"]!["ready"]!.GetValue<bool>());
        Assert.Equal("Service", slice["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reconcile_Converged_WritesNothing()
    {
        await using var host = await StartAsync();
        await host.ServiceAsync("web", """{"type":"LoadBalancer","selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"web"}]}""");
        await PodAsync(host, "web-1", "10.244.0.7", ready: true);
        var informers = host.Services.GetRequiredService<Informers.ISharedInformerFactory>();
        await ServiceTestHost.EventuallyAsync(
            () => Task.FromResult(informers.GetInformer<SuperKube.Model.Discovery.EndpointSlice>().Lister.List("default")
                .Any(s => s.Endpoints?.Count == 1) && informers.GetInformer<Endpoints>().Lister.Get("default", "web")?.Subsets?.Count == 1),
            done => done, "controllers converged");
        var before = (await host.Client.ListAsync(ApiResource.EndpointSlices, "default", null, default)).ResourceVersion;

        var request = new ReconcileRequest("default", "web");
        await ActivatorUtilities.CreateInstance<EndpointsReconciler>(host.Services).ReconcileAsync(request, default);
        await ActivatorUtilities.CreateInstance<EndpointSliceReconciler>(host.Services).ReconcileAsync(request, default);

        var slices = await host.Client.ListAsync(ApiResource.EndpointSlices, "default", null, default);
        var endpoints = await host.Client.GetAsync(ApiResource.Endpoints, "default", "web", default);
        Assert.All(slices.Items, s => Assert.True(long.Parse(s["metadata"]!["resourceVersion"]!.GetValue<string>()) <= long.Parse(before)));
        Assert.True(long.Parse(endpoints!["metadata"]!["resourceVersion"]!.GetValue<string>()) <= long.Parse(before));
    }

    [Fact]
    public async Task Controllers_SelectorlessServiceWithEndpoints_MirrorsThemIntoASlice()
    {
        await using var host = await StartAsync();
        await host.ServiceAsync("db", """{"ports":[{"port":5432}]}""");

        await host.CreateAsync(ApiResource.Endpoints, """
            {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"db"},
             "subsets":[{"addresses":[{"ip":"192.0.2.10"}],"ports":[{"port":5432}]}]}
            """);

        var slice = await ServiceTestHost.EventuallyAsync(
            async () => (await host.Client.ListAsync(ApiResource.EndpointSlices, "default", null, default)).Items
                .FirstOrDefault(s => s["metadata"]?["labels"]?["kubernetes.io/service-name"]?.GetValue<string>() == "db"),
            s => s is not null, "mirrored EndpointSlice");
        Assert.Equal("endpointslicemirroring-controller.k8s.io", slice!["metadata"]!["labels"]!["endpointslice.kubernetes.io/managed-by"]!.GetValue<string>());
        Assert.Equal("192.0.2.10", slice["endpoints"]![0]!["addresses"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Controllers_LoadBalancerService_GetsNodeInternalIpsAsIngress()
    {
        await using var host = await StartAsync();
        await host.CreateAsync(ApiResource.Nodes, """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"status":{"addresses":[{"type":"InternalIP","address":"192.0.2.1"}]}}
            """, ns: null!);

        await host.ServiceAsync("lb", """{"type":"LoadBalancer","selector":{"app":"lb"},"ports":[{"port":80}]}""");

        var service = await ServiceTestHost.EventuallyAsync(
            () => host.Client.GetAsync(ApiResource.Services, "default", "lb", default),
            s => s?["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"]?.GetValue<string>() == "192.0.2.1", "load-balancer ingress");
        Assert.Equal("VIP", service!["status"]!["loadBalancer"]!["ingress"]![0]!["ipMode"]!.GetValue<string>());
    }

    private static Task<ServiceTestHost> StartAsync() => ServiceTestHost.StartAsync(configure: b => b
        .AddController<Service, EndpointsReconciler>(EndpointsReconciler.Configure)
        .AddController<Service, EndpointSliceReconciler>(EndpointSliceReconciler.Configure)
        .AddController<Endpoints, EndpointSliceMirroringReconciler>(EndpointSliceMirroringReconciler.Configure)
        .AddController<Service, ServiceLoadBalancerReconciler>(ServiceLoadBalancerReconciler.Configure));

    private static async Task PodAsync(ServiceTestHost host, string name, string ip, bool ready)
    {
        var pod = await host.CreateAsync(ApiResource.Pods, $$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"app":"web"}},
             "spec":{"nodeName":"n1","containers":[{"name":"c","image":"nginx","ports":[{"name":"web","containerPort":8080}]}]}}
            """);
        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = ip,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        };
        await host.Client.UpdateAsync(ApiResource.Pods, "default", pod, "status", default);
    }
}
