using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Security settings shared by all containers of a pod.")]
public sealed class PodSecurityContext
{
    [Description("SELinux context for all containers.")]
    public SELinuxOptions? SeLinuxOptions { get; set; }

    [Description("User ID the processes run as.")]
    public long? RunAsUser { get; set; }

    [Description("Group ID the processes run as.")]
    public long? RunAsGroup { get; set; }

    [Description("Refuse to start containers that would run as root.")]
    public bool? RunAsNonRoot { get; set; }

    [Description("Extra group IDs given to the first process of each container.")]
    [ListType("atomic")]
    public IList<long>? SupplementalGroups { get; set; }

    [Description("How supplemental groups are computed: Merge or Strict.")]
    public string? SupplementalGroupsPolicy { get; set; }

    [Description("Group that owns the pod's volumes and is added to every container.")]
    public long? FsGroup { get; set; }

    [Description("Namespaced kernel parameters set for the pod.")]
    [ListType("atomic")]
    public IList<Sysctl>? Sysctls { get; set; }

    [Description("When volume ownership is changed: OnRootMismatch or Always.")]
    public string? FsGroupChangePolicy { get; set; }

    [Description("Seccomp profile for all containers.")]
    public SeccompProfile? SeccompProfile { get; set; }

    [Description("AppArmor profile for all containers.")]
    public AppArmorProfile? AppArmorProfile { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
