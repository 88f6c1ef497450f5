using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A block volume exposed to a container as a device.")]
public sealed class VolumeDevice
{
    [Description("Name of the pod volume.")]
    public string? Name { get; set; }

    [Description("Path of the device inside the container.")]
    public string? DevicePath { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
