namespace SuperKube.Defaulting.Tests;

public sealed class WorkloadDefaultsTests
{
    // A pod template before and after defaulting.
    private const string Template = """{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx:1.25"}]}}""";

    private const string DefaultedTemplate =
        """
        {"metadata":{"labels":{"app":"web"}},
         "spec":{"containers":[{"name":"c","image":"nginx:1.25","imagePullPolicy":"IfNotPresent",
                                "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                 "dnsPolicy":"ClusterFirst","restartPolicy":"Always","securityContext":{},
                 "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"}}
        """;

    [Fact]
    public void Default_MinimalDeployment_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("apps", "Deployment",
            """{"metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":""" + Template + "}}",
            """
            {"metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},"replicas":1,
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},
                     "revisionHistoryLimit":10,"progressDeadlineSeconds":600,"template":
            """ + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_DeploymentClientValues_AreKept()
    {
        const string Json =
            """
            {"spec":{"replicas":0,"strategy":{"type":"Recreate"},"revisionHistoryLimit":0,"progressDeadlineSeconds":60,
                     "paused":true,"unknownField":{"a":1}}}
            """;

        DefaultingAssert.Defaults("apps", "Deployment", Json, Json);
    }

    [Fact]
    public void Default_DeploymentPartialRollingUpdate_FillsOnlyTheGaps()
    {
        var deployment = DefaultingAssert.Apply("apps", "Deployment",
            """{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0}}}}""");

        DefaultingAssert.Equal("""{"type":"RollingUpdate","rollingUpdate":{"maxSurge":0,"maxUnavailable":"25%"}}""",
            deployment["spec"]!["strategy"]);
    }

    [Fact]
    public void Default_ReplicaSet_GetsReplicasAndTemplateDefaults()
    {
        DefaultingAssert.Defaults("apps", "ReplicaSet",
            """{"spec":{"template":""" + Template + "}}",
            """{"spec":{"replicas":1,"template":""" + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_ReplicationController_SelectorAndLabelsComeFromTemplate()
    {
        DefaultingAssert.Defaults("", "ReplicationController",
            """{"metadata":{"name":"rc"},"spec":{"template":""" + Template + "}}",
            """
            {"metadata":{"name":"rc","labels":{"app":"web"}},
             "spec":{"selector":{"app":"web"},"replicas":1,"template":
            """ + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_ReplicationControllerWithSelectorAndLabels_KeepsThem()
    {
        var rc = DefaultingAssert.Apply("", "ReplicationController",
            """{"metadata":{"labels":{"tier":"x"}},"spec":{"replicas":3,"selector":{"app":"web","v":"1"},"template":""" + Template + "}}");

        DefaultingAssert.Equal("""{"tier":"x"}""", rc["metadata"]!["labels"]);
        DefaultingAssert.Equal("""{"app":"web","v":"1"}""", rc["spec"]!["selector"]);
        Assert.Equal(3, rc["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Default_MinimalStatefulSet_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("apps", "StatefulSet",
            """
            {"spec":{"serviceName":"db","template":
            """ + Template + """
            ,"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"]}}]}}
            """,
            """
            {"spec":{"serviceName":"db","replicas":1,"podManagementPolicy":"OrderedReady",
                     "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}},
                     "persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain","whenScaled":"Retain"},
                     "revisionHistoryLimit":10,
                     "volumeClaimTemplates":[{"metadata":{"name":"data"},
                                              "spec":{"accessModes":["ReadWriteOnce"],"volumeMode":"Filesystem"},
                                              "status":{"phase":"Pending"}}],
                     "template":
            """ + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_StatefulSetExplicitRollingUpdateWithoutBlock_StaysBare()
    {
        var sts = DefaultingAssert.Apply("apps", "StatefulSet",
            """{"spec":{"replicas":0,"updateStrategy":{"type":"RollingUpdate"}}}""");

        DefaultingAssert.Equal("""{"type":"RollingUpdate"}""", sts["spec"]!["updateStrategy"]);
        Assert.Equal(0, sts["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Default_MinimalDaemonSet_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("apps", "DaemonSet",
            """{"spec":{"template":""" + Template + "}}",
            """
            {"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":1,"maxSurge":0}},
                     "revisionHistoryLimit":10,"template":
            """ + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_DaemonSetOnDelete_GetsNoRollingUpdate()
    {
        var ds = DefaultingAssert.Apply("apps", "DaemonSet", """{"spec":{"updateStrategy":{"type":"OnDelete"}}}""");

        DefaultingAssert.Equal("""{"type":"OnDelete"}""", ds["spec"]!["updateStrategy"]);
    }
}
