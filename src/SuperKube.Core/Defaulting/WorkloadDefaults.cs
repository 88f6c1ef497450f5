using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of the apps/v1 workloads and the core/v1 ReplicationController, including their pod templates.</summary>
internal static class WorkloadDefaults
{
    public static void Deployment(JsonObject deployment)
    {
        var spec = Obj(deployment, "spec");
        SetIfMissing(spec, "replicas", 1);
        var strategy = Obj(spec, "strategy");
        SetIfZero(strategy, "type", "RollingUpdate");
        if (Str(strategy, "type") == "RollingUpdate")
        {
            var rollingUpdate = Obj(strategy, "rollingUpdate");
            SetIfMissing(rollingUpdate, "maxUnavailable", "25%");
            SetIfMissing(rollingUpdate, "maxSurge", "25%");
        }

        SetIfMissing(spec, "revisionHistoryLimit", 10);
        SetIfMissing(spec, "progressDeadlineSeconds", 600);
        PodSpecDefaults.Template(Child(spec, "template"));
    }

    public static void ReplicaSet(JsonObject replicaSet)
    {
        var spec = Obj(replicaSet, "spec");
        SetIfMissing(spec, "replicas", 1);
        PodSpecDefaults.Template(Child(spec, "template"));
    }

    /// <summary>Like a ReplicaSet, and the selector and the object's labels default to the template's labels.</summary>
    public static void ReplicationController(JsonObject controller)
    {
        var spec = Obj(controller, "spec");
        if (Child(Child(Child(spec, "template"), "metadata"), "labels") is { } templateLabels)
        {
            if (!HasItems(spec, "selector"))
            {
                spec["selector"] = templateLabels.DeepClone();
            }

            CopyLabelsWhenEmpty(controller, templateLabels);
        }

        ReplicaSet(controller);
    }

    public static void StatefulSet(JsonObject statefulSet)
    {
        var spec = Obj(statefulSet, "spec");
        SetIfMissing(spec, "replicas", 1);
        SetIfZero(spec, "podManagementPolicy", "OrderedReady");
        var updateStrategy = Obj(spec, "updateStrategy");
        if (IsZero(updateStrategy["type"]))
        {
            updateStrategy["type"] = "RollingUpdate";
            Obj(updateStrategy, "rollingUpdate");
        }

        // The partition is only filled when a rolling update block exists (an explicit type without one stays bare).
        if (Str(updateStrategy, "type") == "RollingUpdate" && Child(updateStrategy, "rollingUpdate") is { } rollingUpdate)
        {
            SetIfMissing(rollingUpdate, "partition", 0);
        }

        var retention = Obj(spec, "persistentVolumeClaimRetentionPolicy");
        SetIfZero(retention, "whenDeleted", "Retain");
        SetIfZero(retention, "whenScaled", "Retain");
        SetIfMissing(spec, "revisionHistoryLimit", 10);
        foreach (var claim in Items(spec, "volumeClaimTemplates"))
        {
            StorageDefaults.PersistentVolumeClaim(claim);
        }

        PodSpecDefaults.Template(Child(spec, "template"));
    }

    public static void DaemonSet(JsonObject daemonSet)
    {
        var spec = Obj(daemonSet, "spec");
        var updateStrategy = Obj(spec, "updateStrategy");
        SetIfZero(updateStrategy, "type", "RollingUpdate");
        if (Str(updateStrategy, "type") == "RollingUpdate")
        {
            var rollingUpdate = Obj(updateStrategy, "rollingUpdate");
            SetIfMissing(rollingUpdate, "maxUnavailable", 1);
            SetIfMissing(rollingUpdate, "maxSurge", 0);
        }

        SetIfMissing(spec, "revisionHistoryLimit", 10);
        PodSpecDefaults.Template(Child(spec, "template"));
    }

    /// <summary>Copies the template's labels to <c>metadata.labels</c> when the object has none (RC and Job).</summary>
    public static void CopyLabelsWhenEmpty(JsonObject obj, JsonObject templateLabels)
    {
        var metadata = Obj(obj, "metadata");
        if (!HasItems(metadata, "labels"))
        {
            metadata["labels"] = templateLabels.DeepClone();
        }
    }
}
