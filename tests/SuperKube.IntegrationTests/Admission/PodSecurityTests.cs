using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Admission;

/// <summary>PodSecurity admission through kubectl: namespace labels enforce and warn levels with upstream's messages.</summary>
public sealed class PodSecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Restricted =
        "allowPrivilegeEscalation != false (container \"p\" must set securityContext.allowPrivilegeEscalation=false), "
        + "unrestricted capabilities (container \"p\" must set securityContext.capabilities.drop=[\"ALL\"]), "
        + "runAsNonRoot != true (pod or container \"p\" must set securityContext.runAsNonRoot=true), "
        + "seccompProfile (pod or container \"p\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task PodSecurity_EnforceBaselineWarnRestricted_RejectsPrivilegedAndWarnsOthers()
    {
        var ns = await NamespaceAsync("psa", "pod-security.kubernetes.io/enforce=baseline", "pod-security.kubernetes.io/warn=restricted",
            "pod-security.kubernetes.io/warn-version=v1.32");

        var plain = await K.RunAsync("run", "p", "-n", ns, "--image=busybox:1.36", "--restart=Never");
        var privileged = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: v1
            kind: Pod
            metadata: {name: priv}
            spec:
              hostNetwork: true
              containers:
              - {name: c, image: busybox:1.36, securityContext: {privileged: true}}

            """, Infrastructure.Kubectl.DefaultTimeout);
        var deployment = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 0
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: c, image: busybox:1.36, securityContext: {privileged: true}}

            """, Infrastructure.Kubectl.DefaultTimeout);

        plain.EnsureSuccess();
        Assert.Contains("Warning: would violate PodSecurity \"restricted:v1.32\": " + Restricted, plain.StdErr);
        Assert.NotEqual(0, privileged.ExitCode);
        Assert.Contains("pods \"priv\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), "
            + "privileged (container \"c\" must not set securityContext.privileged=true)", privileged.StdErr);
        deployment.EnsureSuccess();
        Assert.Contains("Warning: would violate PodSecurity \"restricted:v1.32\": allowPrivilegeEscalation != false", deployment.StdErr);
        Assert.Contains("privileged (container \"c\" must not set securityContext.privileged=true)", deployment.StdErr);
    }

    [Fact]
    public async Task PodSecurity_EnforceRestricted_BarePodRejectedCompliantPodAdmittedQuietly()
    {
        var ns = await NamespaceAsync("psr", "pod-security.kubernetes.io/enforce=restricted");

        var bare = await K.RunAsync("run", "p", "-n", ns, "--image=busybox:1.36", "--restart=Never");
        var compliant = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: v1
            kind: Pod
            metadata: {name: ok}
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: c
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}

            """, Infrastructure.Kubectl.DefaultTimeout);

        Assert.NotEqual(0, bare.ExitCode);
        Assert.Contains("Error from server (Forbidden): pods \"p\" is forbidden: violates PodSecurity \"restricted:latest\": " + Restricted, bare.StdErr);
        compliant.EnsureSuccess();
        Assert.DoesNotContain("Warning", compliant.StdErr);
    }

    [Fact]
    public async Task PodSecurity_InvalidNamespaceLabel_Rejected()
    {
        var ns = await NamespaceAsync("psl");

        var result = await K.RunAsync("label", "namespace", ns, "pod-security.kubernetes.io/enforce=strict");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: \"strict\": must be one of privileged, baseline, restricted", result.StdErr);
    }

    private async Task<string> NamespaceAsync(string prefix, params string[] labels)
    {
        var ns = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        if (labels.Length > 0)
        {
            (await K.RunAsync(["label", "namespace", ns, .. labels])).EnsureSuccess();
        }

        return ns;
    }
}
