using System.Text.Json.Nodes;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class PodValidatorTests
{
    [Fact]
    public void Validate_ValidPod_NoErrors() => Assert.Empty(PodValidator.Validate(Pod(), null));

    [Fact]
    public void Validate_NoContainers_Required()
    {
        var pod = Pod();
        pod["spec"]!["containers"] = new JsonArray();

        Assert.Equal("spec.containers: Required value", Lines(PodValidator.Validate(pod, null)));
    }

    [Fact]
    public void Validate_ContainerProblems_ReportedPerField()
    {
        var pod = Obj("""
            {"spec":{"containers":[{"name":"","image":""},{"name":"Web","image":" nginx"},{"name":"app","image":"a","imagePullPolicy":"Sometimes"}],
                     "initContainers":[{"name":"app","image":"b"}]}}
            """);

        var lines = Lines(PodValidator.Validate(pod, null)).Split('\n');

        Assert.Equal("spec.containers[0].name: Required value", lines[0]);
        Assert.Equal("spec.containers[0].image: Required value", lines[1]);
        Assert.StartsWith("spec.containers[1].name: Invalid value: \"Web\": a lowercase RFC 1123 label", lines[2]);
        Assert.Equal("spec.containers[1].image: Invalid value: \" nginx\": must not have leading or trailing whitespace", lines[3]);
        Assert.Equal("spec.containers[2].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"", lines[4]);
        Assert.Equal("spec.initContainers[0].name: Duplicate value: \"app\"", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Validate_BadPorts_RealServerMessages()
    {
        var pod = Obj("""
            {"spec":{"containers":[{"name":"c","image":"i","ports":[
              {"containerPort":0},{"containerPort":70000,"protocol":"HTTP"},
              {"name":"http","containerPort":80},{"name":"http","containerPort":81},{"name":"a-very-long-port-name","containerPort":82,"hostPort":-1}]}]}}
            """);

        Assert.Equal(
            """
            spec.containers[0].ports[0].containerPort: Required value
            spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
            spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"
            spec.containers[0].ports[3].name: Duplicate value: "http"
            spec.containers[0].ports[4].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters
            spec.containers[0].ports[4].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive
            """.ReplaceLineEndings("\n"),
            Lines(PodValidator.Validate(pod, null)));
    }

    [Fact]
    public void Validate_BadEnvAndVolumes_Reported()
    {
        var pod = Obj("""
            {"spec":{"containers":[{"name":"c","image":"i","env":[{"name":"A=B"},{"name":""}]}],
                     "volumes":[{"name":"v"},{"name":"v"},{"name":""}]}}
            """);

        Assert.Equal(
            """
            spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='
            spec.containers[0].env[1].name: Required value
            spec.containers[0].env[1].name: Invalid value: "": environment variable name must be non-empty
            spec.volumes[1].name: Duplicate value: "v"
            spec.volumes[2].name: Required value
            """.ReplaceLineEndings("\n"),
            Lines(PodValidator.Validate(pod, null)));
    }

    [Fact]
    public void Validate_UnknownRestartPolicy_NotSupported()
    {
        var pod = Pod();
        pod["spec"]!["restartPolicy"] = "Sometimes";

        Assert.Equal("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            Lines(PodValidator.Validate(pod, null)));
    }

    [Fact]
    public void Validate_UpdateImageLabelsAndAddedToleration_Accepted()
    {
        var updated = Pod();
        updated["metadata"]!["labels"]!["extra"] = "1";
        updated["spec"]!["containers"]![0]!["image"] = "nginx:1.28";
        updated["spec"]!["initContainers"]![0]!["image"] = "busybox:2";
        updated["spec"]!["tolerations"]!.AsArray().Add(JsonNode.Parse("""{"key":"b","operator":"Exists"}"""));
        updated["spec"]!["activeDeadlineSeconds"] = 30;

        Assert.Empty(PodValidator.Validate(updated, Pod()));
    }

    [Fact]
    public void Validate_UpdateOtherSpecField_ForbiddenWithRealServerText()
    {
        var updated = Pod();
        updated["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = 81;

        var error = Assert.Single(PodValidator.Validate(updated, Pod()));

        Assert.Equal("spec", error.Field);
        Assert.Equal("FieldValueForbidden", error.Reason);
        Assert.StartsWith(
            "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`," +
            "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` " +
            "(allow it to be set to 1 if it was previously negative)", error.Message);
        Assert.Contains("spec.containers[0].ports[0].containerPort", error.Detail);
    }

    [Fact]
    public void Validate_UpdateRemovesToleration_Forbidden()
    {
        var updated = Pod();
        updated["spec"]!["tolerations"] = new JsonArray();

        Assert.Equal("spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
            Lines(PodValidator.Validate(updated, Pod())));
    }

    [Fact]
    public void Validate_UpdateRaisesDeadline_Invalid()
    {
        var old = Pod();
        old["spec"]!["activeDeadlineSeconds"] = 10;
        var updated = Pod();
        updated["spec"]!["activeDeadlineSeconds"] = 20;

        Assert.Equal("spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value",
            Lines(PodValidator.Validate(updated, old)));
    }

    [Fact]
    public void Validate_UpdateRemovesSchedulingGate_Accepted()
    {
        var old = Pod();
        old["spec"]!["schedulingGates"] = new JsonArray(JsonNode.Parse("""{"name":"example.com/gate"}"""));

        Assert.Empty(PodValidator.Validate(Pod(), old));
    }
}
