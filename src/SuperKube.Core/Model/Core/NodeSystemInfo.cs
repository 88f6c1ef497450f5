using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Facts about a node's machine and software.")]
public sealed class NodeSystemInfo
{
    [Description("Machine ID reported by the node.")]
    public string? MachineID { get; set; }

    [Description("System UUID reported by the node.")]
    public string? SystemUUID { get; set; }

    [Description("Boot ID reported by the node.")]
    public string? BootID { get; set; }

    [Description("Kernel version.")]
    public string? KernelVersion { get; set; }

    [Description("Operating system image.")]
    public string? OsImage { get; set; }

    [Description("Container runtime and version.")]
    public string? ContainerRuntimeVersion { get; set; }

    [Description("Version of the node agent.")]
    public string? KubeletVersion { get; set; }

    [Description("Deprecated proxy version.")]
    public string? KubeProxyVersion { get; set; }

    [Description("Operating system name.")]
    public string? OperatingSystem { get; set; }

    [Description("CPU architecture.")]
    public string? Architecture { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
