using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>Every namespace gets the default ServiceAccount and the kube-root-ca.crt ConfigMap, recreated when deleted.</summary>
public sealed class ServiceAccountControllerTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task NewNamespace_DefaultServiceAccountAndRootCa_RecreatedWhenDeleted()
    {
        var ns = "sa-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();

        await Poll.UntilAsync(async () => (await K.RunAsync("get", "serviceaccount", "default", "-n", ns)).ExitCode == 0, TimeSpan.FromSeconds(30), "the service account controller did not act");
        await Poll.UntilAsync(async () => (await K.RunAsync("get", "configmap", "kube-root-ca.crt", "-n", ns)).ExitCode == 0, TimeSpan.FromSeconds(30), "the service account controller did not act");
        var ca = (await K.RunAsync("get", "configmap", "kube-root-ca.crt", "-n", ns, "-o", "jsonpath={.data.ca\\.crt}")).EnsureSuccess().StdOut;
        var uid = (await K.RunAsync("get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
        (await K.RunAsync("delete", "serviceaccount", "default", "-n", ns)).EnsureSuccess();
        await Poll.UntilAsync(async () => (await K.RunAsync("get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}")) is { ExitCode: 0 } r && r.StdOut != uid, TimeSpan.FromSeconds(30), "the service account controller did not act");

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", ca);
    }
}
