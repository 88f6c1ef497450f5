using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The mounting of a volume into a container.")]
public sealed class VolumeMount
{
    [Description("Name of the pod volume to mount.")]
    public string? Name { get; set; }

    [Description("Mount the volume read-only.")]
    public bool? ReadOnly { get; set; }

    [Description("Whether read-only applies to submounts too: Disabled, IfPossible or Enabled.")]
    public string? RecursiveReadOnly { get; set; }

    [Description("Path inside the container where the volume appears.")]
    public string? MountPath { get; set; }

    [Description("Path inside the volume to mount instead of its root.")]
    public string? SubPath { get; set; }

    [Description("How mounts propagate between host and container.")]
    public string? MountPropagation { get; set; }

    [Description("Like subPath, with $(VAR) environment references expanded.")]
    public string? SubPathExpr { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
