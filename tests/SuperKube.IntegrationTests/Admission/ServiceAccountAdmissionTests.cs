using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Security;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>
/// ServiceAccount admission through kubectl: a new pod runs as <c>default</c> and gets the projected
/// <c>kube-api-access-XXXXX</c> volume, whose token, CA and namespace files the (Fake runtime's) container reads; a pod
/// naming a missing ServiceAccount is refused with upstream's 403.
/// </summary>
public sealed class ServiceAccountAdmissionTests(SecureServerFixture server) : IClassFixture<SecureServerFixture>
{
    private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
    private Infrastructure.Kubectl K => server.Kubectl;

    private static string Pod(string name, string spec = "") => $$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}"},
         "spec":{{{{spec}}}"containers":[{"name":"app","image":"busybox:1.36"}]}}
        """;

    private async Task<string> NamespaceAsync()
    {
        var ns = "sa-adm-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    [Fact]
    public async Task CreatePod_RightAfterItsNamespace_RunsAsDefaultWithTheTokenMounted()
    {
        var ns = await NamespaceAsync(); // no wait for the default ServiceAccount: admission looks for it again for a moment

        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("web"), Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        (await K.RunAsync(["wait", "--for=condition=Ready", "pod/web", "-n", ns, "--timeout=60s"], null, TimeSpan.FromSeconds(90))).EnsureSuccess();
        var account = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.spec.serviceAccountName}")).EnsureSuccess().StdOut;
        var volume = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.spec.volumes[0].name}")).EnsureSuccess().StdOut;
        var mount = (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.spec.containers[0].volumeMounts[0]}")).EnsureSuccess().StdOut;
        var token = (await K.RunAsync("exec", "web", "-n", ns, "--", "cat", Dir + "/token")).EnsureSuccess().StdOut.Trim();
        var ca = (await K.RunAsync("exec", "web", "-n", ns, "--", "cat", Dir + "/ca.crt")).EnsureSuccess().StdOut;
        var podNamespace = (await K.RunAsync("exec", "web", "-n", ns, "--", "cat", Dir + "/namespace")).EnsureSuccess().StdOut;
        var whoami = (await server.KubectlWithToken(token).RunAsync("auth", "whoami")).EnsureSuccess();

        Assert.Equal("default", account);
        Assert.Matches("^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$", volume);
        Assert.Equal($$"""{"mountPath":"{{Dir}}","name":"{{volume}}","readOnly":true}""", mount);
        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal(server.Pki.ClusterAuthorityPem.Trim(), ca.Trim());
        Assert.Equal(ns, podNamespace);
        Assert.Contains($"system:serviceaccount:{ns}:default", whoami.StdOut);
    }

    [Fact]
    public async Task CreatePod_MissingServiceAccount_ForbiddenWithUpstreamMessage_AutomountOffMountsNothing()
    {
        var ns = await NamespaceAsync();

        var missing = await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("ghostly", "\"serviceAccountName\":\"ghost\","), Infrastructure.Kubectl.DefaultTimeout);
        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], Pod("quiet", "\"automountServiceAccountToken\":false,"), Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        var volumes = (await K.RunAsync("get", "pod", "quiet", "-n", ns, "-o", "jsonpath={.spec.serviceAccountName}/{.spec.volumes}")).EnsureSuccess().StdOut;

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains(
            $"Error from server (Forbidden): error when creating \"STDIN\": pods \"ghostly\" is forbidden: error looking up service account {ns}/ghost: serviceaccount \"ghost\" not found",
            missing.StdErr);
        Assert.Equal("default/", volumes);
    }
}
