using System.Text.Json.Nodes;

namespace SuperKube.Admission.PodSecurity.Tests;

public sealed class PodSecurityChecksTests
{
    [Fact]
    public void Evaluate_RestrictedBarePod_UpstreamMessage()
    {
        var pod = Pod("""{"containers":[{"name":"c","image":"busybox"}]}""");

        var violations = PodSecurityChecks.Evaluate(PodSecurityLevel.Restricted, pod);

        Assert.Equal(
            "allowPrivilegeEscalation != false (container \"c\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"c\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"c\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"c\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
            PodSecurityChecks.Describe(violations));
        Assert.Empty(PodSecurityChecks.Evaluate(PodSecurityLevel.Baseline, pod));
    }

    [Fact]
    public void Evaluate_RestrictedCompliantPod_Passes()
    {
        var pod = Pod("""
            {"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},
             "containers":[{"name":"c","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"],"add":["NET_BIND_SERVICE"]}}}],
             "volumes":[{"name":"cfg","configMap":{"name":"x"}},{"name":"tmp","emptyDir":{}}]}
            """);

        Assert.Empty(PodSecurityChecks.Evaluate(PodSecurityLevel.Restricted, pod));
    }

    [Fact]
    public void Evaluate_BaselineViolations_AllReportedInIdOrder()
    {
        var pod = Pod("""
            {"hostNetwork":true,"hostPID":true,
             "securityContext":{"sysctls":[{"name":"net.core.somaxconn","value":"1"},{"name":"kernel.shm_rmid_forced","value":"1"}],"seccompProfile":{"type":"Unconfined"}},
             "initContainers":[{"name":"init","securityContext":{"privileged":true}}],
             "containers":[
               {"name":"a","ports":[{"containerPort":80,"hostPort":8080}],"securityContext":{"capabilities":{"add":["NET_ADMIN","CHOWN"]},"procMount":"Unmasked"}},
               {"name":"b","securityContext":{"privileged":true,"seLinuxOptions":{"type":"spc_t"}}}],
             "volumes":[{"name":"h","hostPath":{"path":"/"}}]}
            """);

        var violations = PodSecurityChecks.Evaluate(PodSecurityLevel.Baseline, pod);

        Assert.Equal(
            "non-default capabilities (container \"a\" must not include \"NET_ADMIN\" in securityContext.capabilities.add), "
            + "host namespaces (hostNetwork=true, hostPID=true), "
            + "hostPath volumes (volume \"h\"), "
            + "hostPort (container \"a\" uses hostPort 8080), "
            + "privileged (containers \"init\", \"b\" must not set securityContext.privileged=true), "
            + "procMount (container \"a\" must not set securityContext.procMount to \"Unmasked\"), "
            + "seLinuxOptions (container \"b\" set forbidden securityContext.seLinuxOptions: type \"spc_t\"), "
            + "seccompProfile (pod must not set securityContext.seccompProfile.type to \"Unconfined\"), "
            + "forbidden sysctls (net.core.somaxconn)",
            PodSecurityChecks.Describe(violations));
    }

    [Fact]
    public void Evaluate_RestrictedHostPath_ReportsBothVolumeChecksAndRootUser()
    {
        var pod = Pod("""
            {"securityContext":{"runAsNonRoot":false,"runAsUser":0,"seccompProfile":{"type":"RuntimeDefault"}},
             "containers":[{"name":"c","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"],"add":["SYS_TIME"]}}}],
             "volumes":[{"name":"h","hostPath":{"path":"/"}},{"name":"n","nfs":{"server":"s","path":"/"}}]}
            """);

        var text = PodSecurityChecks.Describe(PodSecurityChecks.Evaluate(PodSecurityLevel.Restricted, pod));

        Assert.Equal(
            "unrestricted capabilities (container \"c\" must not include \"SYS_TIME\" in securityContext.capabilities.add), "
            + "hostPath volumes (volume \"h\"), "
            + "restricted volume types (volumes \"h\", \"n\" use restricted volume types \"hostPath\", \"nfs\"), "
            + "runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false; pod or container \"c\" must set securityContext.runAsNonRoot=true), "
            + "runAsUser=0 (pod must not set runAsUser=0)",
            text);
    }

    [Fact]
    public void Evaluate_Privileged_AllowsEverything()
    {
        Assert.Empty(PodSecurityChecks.Evaluate(PodSecurityLevel.Privileged, Pod("""{"hostNetwork":true,"containers":[{"name":"c","securityContext":{"privileged":true}}]}""")));
    }

    [Theory]
    [InlineData("strict", null, "metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: \"strict\": must be one of privileged, baseline, restricted")]
    [InlineData("baseline", "1.30", "metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: \"1.30\": must be \"latest\" or of the form \"v1.x\"")]
    public void Validate_BadNamespaceLabels_UpstreamErrors(string level, string? version, string expected)
    {
        var labels = new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = level };
        if (version is not null)
        {
            labels["pod-security.kubernetes.io/enforce-version"] = version;
        }

        Assert.Equal(expected, Assert.Single(PodSecurityPolicy.Validate(labels)).ToString());
    }

    [Fact]
    public void For_LevelAndVersionLabels_PrintedAsUpstream()
    {
        var labels = new Dictionary<string, string> { ["pod-security.kubernetes.io/warn"] = "restricted", ["pod-security.kubernetes.io/warn-version"] = "v1.32" };

        Assert.Equal("restricted:v1.32", PodSecurityPolicy.For(labels, "warn").ToString());
        Assert.Equal("privileged:latest", PodSecurityPolicy.For(labels, "enforce").ToString());
    }

    private static PodView Pod(string spec) => new(null, JsonNode.Parse(spec)!.AsObject());
}
