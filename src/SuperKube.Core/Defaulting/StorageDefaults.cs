using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of persistent volumes, claims (also claim templates) and storage classes.</summary>
internal static class StorageDefaults
{
    public static void PersistentVolume(JsonObject volume)
    {
        var spec = Obj(volume, "spec");
        SetIfZero(spec, "persistentVolumeReclaimPolicy", "Retain");
        SetIfMissing(spec, "volumeMode", "Filesystem");
        if (Child(spec, "hostPath") is { } hostPath)
        {
            SetIfMissing(hostPath, "type", "");
        }

        SetIfZero(Obj(volume, "status"), "phase", "Pending");
    }

    /// <summary>A claim, or a claim template of a stateful set: both get the spec defaults and a Pending phase.</summary>
    public static void PersistentVolumeClaim(JsonObject claim)
    {
        ClaimSpec(Obj(claim, "spec"));
        SetIfZero(Obj(claim, "status"), "phase", "Pending");
    }

    public static void ClaimSpec(JsonObject? spec)
    {
        if (spec is not null)
        {
            SetIfMissing(spec, "volumeMode", "Filesystem");
        }
    }

    public static void StorageClass(JsonObject storageClass)
    {
        SetIfMissing(storageClass, "reclaimPolicy", "Delete");
        SetIfMissing(storageClass, "volumeBindingMode", "Immediate");
    }
}
