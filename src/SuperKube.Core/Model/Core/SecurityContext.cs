using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Security settings of a container; they override the pod's.")]
public sealed class SecurityContext
{
    [Description("Linux capabilities to add or drop.")]
    public Capabilities? Capabilities { get; set; }

    [Description("Run the container privileged.")]
    public bool? Privileged { get; set; }

    [Description("SELinux context of the container.")]
    public SELinuxOptions? SeLinuxOptions { get; set; }

    [Description("User ID the process runs as.")]
    public long? RunAsUser { get; set; }

    [Description("Group ID the process runs as.")]
    public long? RunAsGroup { get; set; }

    [Description("Refuse to start when the process would run as root.")]
    public bool? RunAsNonRoot { get; set; }

    [Description("Mount the root filesystem read-only.")]
    public bool? ReadOnlyRootFilesystem { get; set; }

    [Description("Whether a process may gain more privileges than its parent.")]
    public bool? AllowPrivilegeEscalation { get; set; }

    [Description("Kind of /proc mount: Default or Unmasked.")]
    public string? ProcMount { get; set; }

    [Description("Seccomp profile of the container.")]
    public SeccompProfile? SeccompProfile { get; set; }

    [Description("AppArmor profile of the container.")]
    public AppArmorProfile? AppArmorProfile { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
