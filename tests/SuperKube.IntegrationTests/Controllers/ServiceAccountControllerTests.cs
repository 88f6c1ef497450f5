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

        await WaitForAsync(async () => (await K.RunAsync("get", "serviceaccount", "default", "-n", ns)).ExitCode == 0);
        await WaitForAsync(async () => (await K.RunAsync("get", "configmap", "kube-root-ca.crt", "-n", ns)).ExitCode == 0);
        var ca = (await K.RunAsync("get", "configmap", "kube-root-ca.crt", "-n", ns, "-o", "jsonpath={.data.ca\\.crt}")).EnsureSuccess().StdOut;
        var uid = (await K.RunAsync("get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
        (await K.RunAsync("delete", "serviceaccount", "default", "-n", ns)).EnsureSuccess();
        await WaitForAsync(async () => (await K.RunAsync("get", "serviceaccount", "default", "-n", ns, "-o", "jsonpath={.metadata.uid}")) is { ExitCode: 0 } r && r.StdOut != uid);

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", ca);
    }

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await done())
        {
            deadline.Token.ThrowIfCancellationRequested();
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }
}
