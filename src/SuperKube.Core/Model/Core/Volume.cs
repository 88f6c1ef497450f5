using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A named volume that containers of the pod can mount.")]
public sealed class Volume
{
    [Description("Name of the volume, unique within the pod.")]
    public string? Name { get; set; }

    [Description("A file or directory of the node.")]
    public HostPathVolumeSource? HostPath { get; set; }

    [Description("An empty directory that lives as long as the pod.")]
    public EmptyDirVolumeSource? EmptyDir { get; set; }

    [Description("The keys of a Secret as files.")]
    public SecretVolumeSource? Secret { get; set; }

    [Description("A persistent volume claimed in the same namespace.")]
    public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; set; }

    [Description("Fields of the pod written to files.")]
    public DownwardAPIVolumeSource? DownwardAPI { get; set; }

    [Description("The keys of a ConfigMap as files.")]
    public ConfigMapVolumeSource? ConfigMap { get; set; }

    [Description("Several sources merged into one directory.")]
    public ProjectedVolumeSource? Projected { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
