namespace SuperKube.Tables.Tests;

public class StoragePrintersTests
{
    [Fact]
    public void PersistentVolumes_BoundVolume_ShowsClaimAndModes()
    {
        var cells = TableTestData.Cells(StoragePrinters.PersistentVolumes, """
            {"metadata":{"name":"pv1"},
             "spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteMany","ReadWriteOnce"],
               "persistentVolumeReclaimPolicy":"Retain","storageClassName":"fast","volumeMode":"Filesystem",
               "claimRef":{"namespace":"default","name":"data"}},
             "status":{"phase":"Bound"}}
            """);

        Assert.Equal("10Gi", cells["Capacity"]);
        Assert.Equal("RWO,RWX", cells["Access Modes"]);
        Assert.Equal("Bound", cells["Status"]);
        Assert.Equal("default/data", cells["Claim"]);
        Assert.Equal("fast", cells["StorageClass"]);
        Assert.Equal("<unset>", cells["VolumeAttributesClass"]);
        Assert.Equal("Filesystem", cells["VolumeMode"]);
    }

    [Fact]
    public void PersistentVolumeClaims_PendingClaim_EmptyCapacityAndModes()
    {
        var cells = TableTestData.Cells(StoragePrinters.PersistentVolumeClaims, """
            {"metadata":{"name":"data","annotations":{"volume.beta.kubernetes.io/storage-class":"legacy"}},
             "spec":{"storageClassName":"fast","resources":{"requests":{"storage":"1Gi"}}},"status":{"phase":"Pending"}}
            """);

        Assert.Equal("Pending", cells["Status"]);
        Assert.Equal("", cells["Volume"]);
        Assert.Equal("", cells["Capacity"]);
        Assert.Equal("legacy", cells["StorageClass"]);
    }

    [Fact]
    public void PersistentVolumeClaims_BoundClaim_ShowsStatusCapacity()
    {
        var cells = TableTestData.Cells(StoragePrinters.PersistentVolumeClaims, """
            {"metadata":{"name":"data","deletionTimestamp":"2025-01-01T11:00:00Z"},
             "spec":{"volumeName":"pv1","storageClassName":"fast"},
             "status":{"phase":"Bound","capacity":{"storage":"10Gi"},"accessModes":["ReadWriteOnce"]}}
            """);

        Assert.Equal("Terminating", cells["Status"]);
        Assert.Equal("pv1", cells["Volume"]);
        Assert.Equal("10Gi", cells["Capacity"]);
        Assert.Equal("RWO", cells["Access Modes"]);
    }

    [Fact]
    public void StorageClasses_DefaultClass_NameMarkedAndDefaultsFilled()
    {
        var cells = TableTestData.Cells(StoragePrinters.StorageClasses, """
            {"metadata":{"name":"standard","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},
             "provisioner":"rancher.io/local-path","volumeBindingMode":"WaitForFirstConsumer"}
            """);

        Assert.Equal("standard (default)", cells["Name"]);
        Assert.Equal("Delete", cells["ReclaimPolicy"]);
        Assert.Equal("WaitForFirstConsumer", cells["VolumeBindingMode"]);
        Assert.Equal(false, cells["AllowVolumeExpansion"]);
    }
}
