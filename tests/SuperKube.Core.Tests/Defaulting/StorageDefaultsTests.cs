namespace SuperKube.Defaulting.Tests;

public sealed class StorageDefaultsTests
{
    [Fact]
    public void Default_MinimalClaim_GetsVolumeModeAndPendingPhase()
    {
        DefaultingAssert.Defaults("", "PersistentVolumeClaim",
            """{"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""",
            """
            {"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"volumeMode":"Filesystem"},
             "status":{"phase":"Pending"}}
            """);
    }

    [Fact]
    public void Default_BoundClaimWithBlockMode_IsKept()
    {
        const string Json = """{"spec":{"volumeMode":"Block","volumeName":"pv1"},"status":{"phase":"Bound"}}""";

        DefaultingAssert.Defaults("", "PersistentVolumeClaim", Json, Json);
    }

    [Fact]
    public void Default_MinimalVolume_GetsReclaimPolicyModeAndPhase()
    {
        DefaultingAssert.Defaults("", "PersistentVolume",
            """{"spec":{"capacity":{"storage":"1Gi"},"hostPath":{"path":"/mnt"}}}""",
            """
            {"spec":{"capacity":{"storage":"1Gi"},"hostPath":{"path":"/mnt","type":""},
                     "persistentVolumeReclaimPolicy":"Retain","volumeMode":"Filesystem"},
             "status":{"phase":"Pending"}}
            """);
    }

    [Fact]
    public void Default_StorageClass_GetsReclaimAndBindingMode()
    {
        DefaultingAssert.Defaults("storage.k8s.io", "StorageClass",
            """{"provisioner":"example.com/p"}""",
            """{"provisioner":"example.com/p","reclaimPolicy":"Delete","volumeBindingMode":"Immediate"}""");
        DefaultingAssert.Defaults("storage.k8s.io", "StorageClass",
            """{"reclaimPolicy":"Retain","volumeBindingMode":"WaitForFirstConsumer"}""",
            """{"reclaimPolicy":"Retain","volumeBindingMode":"WaitForFirstConsumer"}""");
    }
}
