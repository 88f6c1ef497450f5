using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("An SELinux label.")]
public sealed class SELinuxOptions
{
    [Description("SELinux user.")]
    public string? User { get; set; }

    [Description("SELinux role.")]
    public string? Role { get; set; }

    [Description("SELinux type.")]
    public string? Type { get; set; }

    [Description("SELinux level.")]
    public string? Level { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
