using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A seccomp profile.")]
public sealed class SeccompProfile
{
    [Description("Kind of profile: RuntimeDefault, Unconfined or Localhost.")]
    public string? Type { get; set; }

    [Description("Path of the profile on the node, for Localhost.")]
    public string? LocalhostProfile { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
