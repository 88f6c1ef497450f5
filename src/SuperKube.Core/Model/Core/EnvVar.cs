using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("An environment variable of a container.")]
public sealed class EnvVar
{
    [Description("Name of the variable.")]
    public string? Name { get; set; }

    [Description("Literal value; $(VAR) references to earlier variables are expanded.")]
    public string? Value { get; set; }

    [Description("Where the value comes from when it is not literal.")]
    public EnvVarSource? ValueFrom { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
