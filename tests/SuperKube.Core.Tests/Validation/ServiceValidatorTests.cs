using System.Text.Json.Nodes;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class ServiceValidatorTests
{
    [Fact]
    public void Validate_ValidService_NoErrors() => Assert.Empty(ServiceValidator.Validate(Service(), null));

    [Fact]
    public void Validate_NoPorts_Required()
    {
        var svc = Service();
        svc["spec"]!.AsObject().Remove("ports");

        Assert.Equal("spec.ports: Required value", Lines(ServiceValidator.Validate(svc, null)));
    }

    [Fact]
    public void Validate_HeadlessOrExternalNameWithoutPorts_Accepted()
    {
        var headless = Obj("""{"metadata":{"name":"h"},"spec":{"clusterIP":"None"}}""");
        var external = Obj("""{"metadata":{"name":"e"},"spec":{"type":"ExternalName","externalName":"db.example.com."}}""");

        Assert.Empty(ServiceValidator.Validate(headless, null));
        Assert.Empty(ServiceValidator.Validate(external, null));
    }

    [Fact]
    public void Validate_ExternalNameMissing_Required() =>
        Assert.Equal("spec.externalName: Required value",
            Lines(ServiceValidator.Validate(Obj("""{"metadata":{"name":"e"},"spec":{"type":"ExternalName"}}"""), null)));

    [Fact]
    public void Validate_PortProblems_RealServerMessages()
    {
        var svc = Obj("""
            {"metadata":{"name":"web"},"spec":{"type":"ClusterIP","ports":[
              {"port":0,"targetPort":"HTTP_X","protocol":"ICMP"},
              {"name":"b","port":80,"targetPort":0,"nodePort":30080},
              {"name":"b","port":81}]}}
            """);

        Assert.Equal(
            """
            spec.ports[0].name: Required value
            spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive
            spec.ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"
            spec.ports[0].targetPort: Invalid value: "HTTP_X": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)
            spec.ports[0].targetPort: Invalid value: "HTTP_X": must contain at least one letter (a-z)
            spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive
            spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'
            spec.ports[2].name: Duplicate value: "b"
            """.ReplaceLineEndings("\n"),
            Lines(ServiceValidator.Validate(svc, null)));
    }

    [Fact]
    public void Validate_UnknownType_NotSupported()
    {
        var svc = Service();
        svc["spec"]!["type"] = "Internal";

        Assert.Equal("spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
            Lines(ServiceValidator.Validate(svc, null)));
    }

    [Fact]
    public void Validate_NameStartingWithDigit_Dns1035Message()
    {
        var svc = Service();
        svc["metadata"]!["name"] = "1web";

        Assert.Equal(
            "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with " +
            "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            Lines(ServiceValidator.Validate(svc, null)));
    }

    [Fact]
    public void Validate_UpdateClusterIp_MayNotChange()
    {
        var updated = Service();
        updated["spec"]!["clusterIP"] = "10.96.0.11";
        updated["spec"]!["clusterIPs"] = new JsonArray("10.96.0.11");

        Assert.Equal("spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.11\"}: may not change once set",
            Lines(ServiceValidator.Validate(updated, Service())));
    }

    [Fact]
    public void Validate_UpdatePortsAndSelector_Accepted()
    {
        var updated = Service();
        updated["spec"]!["selector"]!["app"] = "api";
        updated["spec"]!["ports"]![0]!["port"] = 8081;

        Assert.Empty(ServiceValidator.Validate(updated, Service()));
    }
}
