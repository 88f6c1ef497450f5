namespace SuperKube.Defaulting.Tests;

public sealed class CoreDefaultsTests
{
    [Fact]
    public void Default_MinimalNamespace_GetsLabelFinalizerAndPhase()
    {
        DefaultingAssert.Defaults("", "Namespace",
            """{"metadata":{"name":"team-a"}}""",
            """
            {"metadata":{"name":"team-a","labels":{"kubernetes.io/metadata.name":"team-a"}},
             "spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}
            """);
    }

    [Fact]
    public void Default_TerminatingNamespaceWithoutFinalizers_IsNotRefinalized()
    {
        DefaultingAssert.Defaults("", "Namespace",
            """
            {"metadata":{"name":"old","labels":{"kubernetes.io/metadata.name":"wrong","team":"a"},"deletionTimestamp":"2024-01-01T00:00:00Z"},
             "spec":{},"status":{"phase":"Terminating"}}
            """,
            """
            {"metadata":{"name":"old","labels":{"kubernetes.io/metadata.name":"old","team":"a"},"deletionTimestamp":"2024-01-01T00:00:00Z"},
             "spec":{},"status":{"phase":"Terminating"}}
            """);
    }

    [Fact]
    public void Default_Secret_TypeDefaultsToOpaqueButIsKeptWhenSet()
    {
        DefaultingAssert.Defaults("", "Secret", """{"data":{"k":"dg=="}}""", """{"data":{"k":"dg=="},"type":"Opaque"}""");
        DefaultingAssert.Defaults("", "Secret", """{"type":"kubernetes.io/tls"}""", """{"type":"kubernetes.io/tls"}""");
    }

    [Fact]
    public void Default_NodeWithCapacityOnly_AllocatableCopiesCapacity()
    {
        DefaultingAssert.Defaults("", "Node",
            """{"metadata":{"name":"n1"},"status":{"capacity":{"cpu":"4","pods":"110"}}}""",
            """{"metadata":{"name":"n1"},"status":{"capacity":{"cpu":"4","pods":"110"},"allocatable":{"cpu":"4","pods":"110"}}}""");
    }

    [Fact]
    public void Default_NodeWithoutStatus_IsUnchanged()
    {
        DefaultingAssert.Defaults("", "Node", """{"metadata":{"name":"n1"}}""", """{"metadata":{"name":"n1"}}""");
    }

    [Fact]
    public void Default_LimitRangeContainerItem_FillsDefaultsFromMaxAndMin()
    {
        DefaultingAssert.Defaults("", "LimitRange",
            """
            {"spec":{"limits":[
              {"type":"Container","max":{"cpu":"2","memory":"1Gi"},"min":{"cpu":"100m","ephemeral-storage":"1Gi"},"default":{"memory":"512Mi"}},
              {"type":"Pod","max":{"cpu":"4"}}]}}
            """,
            """
            {"spec":{"limits":[
              {"type":"Container","max":{"cpu":"2","memory":"1Gi"},"min":{"cpu":"100m","ephemeral-storage":"1Gi"},
               "default":{"memory":"512Mi","cpu":"2"},
               "defaultRequest":{"memory":"512Mi","cpu":"2","ephemeral-storage":"1Gi"}},
              {"type":"Pod","max":{"cpu":"4"}}]}}
            """);
    }
}
