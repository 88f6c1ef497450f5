using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of persistent volumes, claims and storage classes.</summary>
internal static class StoragePrinters
{
    private const string ClassAnnotation = "volume.beta.kubernetes.io/storage-class";

    /// <summary>Name, Capacity, Access Modes, Reclaim Policy, Status, Claim, StorageClass, VolumeAttributesClass, Reason, Age; wide: VolumeMode.</summary>
    public static readonly TableDefinition PersistentVolumes = new(
        [
            TableColumns.Name,
            TableColumns.Text("Capacity", "Storage size of the volume."),
            TableColumns.Text("Access Modes", "Ways the volume can be mounted (RWO, ROX, RWX, RWOP)."),
            TableColumns.Text("Reclaim Policy", "What happens to the volume when its claim is released."),
            TableColumns.Text("Status", "Phase of the volume."),
            TableColumns.Text("Claim", "Claim bound to the volume, as namespace/name."),
            TableColumns.Text("StorageClass", "Storage class of the volume."),
            TableColumns.Text("VolumeAttributesClass", "Volume attributes class of the volume."),
            TableColumns.Text("Reason", "Why the volume is in its phase, if known."),
            TableColumns.Age,
            TableColumns.Text("VolumeMode", "Whether the volume is a filesystem or a raw block device.", 1),
        ],
        static (pv, now) =>
        {
            var claim = Object(pv, "spec", "claimRef");
            return [
                ObjectCells.Name(pv),
                Str(pv, "spec", "capacity", "storage") ?? "0",
                AccessModes(Strings(pv, "spec", "accessModes")),
                Text(pv, "spec", "persistentVolumeReclaimPolicy"),
                ObjectCells.Deleting(pv) ? "Terminating" : Text(pv, "status", "phase"),
                claim is null ? "" : $"{Text(claim, "namespace")}/{Text(claim, "name")}",
                Str(pv, "metadata", "annotations", ClassAnnotation) ?? Text(pv, "spec", "storageClassName"),
                Str(pv, "spec", "volumeAttributesClassName") ?? "<unset>",
                Text(pv, "status", "reason"),
                ObjectCells.Age(pv, now),
                Str(pv, "spec", "volumeMode") ?? "<unset>",
            ];
        });

    /// <summary>Name, Status, Volume, Capacity, Access Modes, StorageClass, VolumeAttributesClass, Age; wide: VolumeMode.</summary>
    public static readonly TableDefinition PersistentVolumeClaims = new(
        [
            TableColumns.Name,
            TableColumns.Text("Status", "Phase of the claim."),
            TableColumns.Text("Volume", "Volume bound to the claim."),
            TableColumns.Text("Capacity", "Storage size of the bound volume."),
            TableColumns.Text("Access Modes", "Ways the bound volume can be mounted."),
            TableColumns.Text("StorageClass", "Storage class requested by the claim."),
            TableColumns.Text("VolumeAttributesClass", "Volume attributes class requested by the claim."),
            TableColumns.Age,
            TableColumns.Text("VolumeMode", "Whether the claim wants a filesystem or a raw block device.", 1),
        ],
        static (pvc, now) =>
        {
            var volume = Text(pvc, "spec", "volumeName");
            var bound = volume.Length > 0;
            return [
                ObjectCells.Name(pvc),
                ObjectCells.Deleting(pvc) ? "Terminating" : Text(pvc, "status", "phase"),
                volume,
                bound ? Str(pvc, "status", "capacity", "storage") ?? "0" : "",
                bound ? AccessModes(Strings(pvc, "status", "accessModes")) : "",
                Str(pvc, "metadata", "annotations", ClassAnnotation) ?? Text(pvc, "spec", "storageClassName"),
                Str(pvc, "spec", "volumeAttributesClassName") ?? "<unset>",
                ObjectCells.Age(pvc, now),
                Str(pvc, "spec", "volumeMode") ?? "<unset>",
            ];
        });

    /// <summary>Name (with <c>(default)</c>), Provisioner, ReclaimPolicy, VolumeBindingMode, AllowVolumeExpansion, Age.</summary>
    public static readonly TableDefinition StorageClasses = new(
        [
            TableColumns.Name,
            TableColumns.Text("Provisioner", "Plugin that provisions volumes of this class."),
            TableColumns.Text("ReclaimPolicy", "Reclaim policy given to volumes of this class."),
            TableColumns.Text("VolumeBindingMode", "When volumes are bound and provisioned."),
            TableColumns.Text("AllowVolumeExpansion", "Whether volumes of this class can be grown."),
            TableColumns.Age,
        ],
        static (sc, now) => [
            IsDefaultClass(sc) ? ObjectCells.Name(sc) + " (default)" : ObjectCells.Name(sc),
            Text(sc, "provisioner"),
            Str(sc, "reclaimPolicy") ?? "Delete",
            Str(sc, "volumeBindingMode") ?? "Immediate",
            Bool(sc, "allowVolumeExpansion"),
            ObjectCells.Age(sc, now),
        ]);

    /// <summary>Short access modes in a fixed order: RWO, ROX, RWX, RWOP.</summary>
    public static string AccessModes(IReadOnlyList<string> modes)
    {
        (string Mode, string Short)[] order =
            [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")];
        return string.Join(",", order.Where(o => modes.Contains(o.Mode)).Select(o => o.Short));
    }

    private static bool IsDefaultClass(JsonObject sc) =>
        Str(sc, "metadata", "annotations", "storageclass.kubernetes.io/is-default-class") == "true"
        || Str(sc, "metadata", "annotations", "storageclass.beta.kubernetes.io/is-default-class") == "true";
}
