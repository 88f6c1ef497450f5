using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Allows a pod onto nodes whose taints match.")]
public sealed class Toleration
{
    [Description("Taint key matched; empty with Exists matches every taint.")]
    public string? Key { get; set; }

    [Description("Exists or Equal (the default).")]
    public string? Operator { get; set; }

    [Description("Taint value matched with Equal.")]
    public string? Value { get; set; }

    [Description("Taint effect matched; empty matches every effect.")]
    public string? Effect { get; set; }

    [Description("For NoExecute, how long the pod stays bound after the taint appears.")]
    public long? TolerationSeconds { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
