using System.Text.Json.Nodes;

namespace SuperKube.Defaulting.Tests;

public sealed class PodSpecDefaultsTests
{
    private const string SpecDefaults =
        """
        "dnsPolicy":"ClusterFirst","restartPolicy":"Always","securityContext":{},
        "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"
        """;

    [Fact]
    public void Apply_EmptySpec_GetsPodSpecDefaults()
    {
        var spec = new JsonObject();

        PodSpecDefaults.Apply(spec);

        DefaultingAssert.Equal("{" + SpecDefaults + "}", spec);
    }

    [Fact]
    public void Apply_ClientValues_AreKept()
    {
        const string Json =
            """
            {"dnsPolicy":"Default","restartPolicy":"Never","securityContext":{"runAsUser":1000},
             "terminationGracePeriodSeconds":0,"schedulerName":"custom","hostNetwork":false,"futureField":"kept"}
            """;
        var spec = JsonNode.Parse(Json)!.AsObject();

        PodSpecDefaults.Apply(spec);

        DefaultingAssert.Equal(Json, spec);
    }

    [Fact]
    public void Apply_AllContainerLists_AreDefaulted()
    {
        var spec = JsonNode.Parse(
            """
            {"initContainers":[{"name":"i","image":"busybox:1"}],
             "containers":[{"name":"c","image":"nginx"}],
             "ephemeralContainers":[{"name":"e","image":"debug:latest"}]}
            """)!.AsObject();

        PodSpecDefaults.Apply(spec);

        Assert.Equal("IfNotPresent", spec["initContainers"]![0]!["imagePullPolicy"]!.GetValue<string>());
        Assert.Equal("Always", spec["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
        Assert.Equal("Always", spec["ephemeralContainers"]![0]!["imagePullPolicy"]!.GetValue<string>());
        Assert.Equal("File", spec["ephemeralContainers"]![0]!["terminationMessagePolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_Volumes_GetSourceDefaults()
    {
        var spec = JsonNode.Parse(
            """
            {"volumes":[
              {"name":"bare"},
              {"name":"scratch","emptyDir":{}},
              {"name":"cm","configMap":{"name":"c"}},
              {"name":"sec","secret":{"secretName":"s","defaultMode":256}},
              {"name":"host","hostPath":{"path":"/data"}},
              {"name":"down","downwardAPI":{"items":[{"path":"n","fieldRef":{"fieldPath":"metadata.name"}}]}},
              {"name":"proj","projected":{"sources":[{"serviceAccountToken":{"path":"token"}},
                                                    {"downwardAPI":{"items":[{"path":"ns","fieldRef":{"fieldPath":"metadata.namespace"}}]}}]}},
              {"name":"eph","ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"]}}}}]}
            """)!.AsObject();

        PodSpecDefaults.Apply(spec);

        DefaultingAssert.Equal(
            "{" + SpecDefaults + ",\"volumes\":[" +
            """
              {"name":"bare","emptyDir":{}},
              {"name":"scratch","emptyDir":{}},
              {"name":"cm","configMap":{"name":"c","defaultMode":420}},
              {"name":"sec","secret":{"secretName":"s","defaultMode":256}},
              {"name":"host","hostPath":{"path":"/data","type":""}},
              {"name":"down","downwardAPI":{"defaultMode":420,"items":[{"path":"n","fieldRef":{"fieldPath":"metadata.name","apiVersion":"v1"}}]}},
              {"name":"proj","projected":{"defaultMode":420,"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":3600}},
                                                    {"downwardAPI":{"items":[{"path":"ns","fieldRef":{"fieldPath":"metadata.namespace","apiVersion":"v1"}}]}}]}},
              {"name":"eph","ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"],"volumeMode":"Filesystem"}}}}]}
            """,
            spec);
    }

    [Fact]
    public void Template_NoTemplate_DoesNothing()
    {
        var owner = new JsonObject { ["replicas"] = 1 };

        PodSpecDefaults.Template(owner["template"] as JsonObject);

        DefaultingAssert.Equal("""{"replicas":1}""", owner);
    }
}
