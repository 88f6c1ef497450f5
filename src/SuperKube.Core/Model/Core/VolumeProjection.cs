using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One source of a projected volume.")]
public sealed class VolumeProjection
{
    [Description("Keys of a Secret.")]
    public SecretProjection? Secret { get; set; }

    [Description("Pod information.")]
    public DownwardAPIProjection? DownwardAPI { get; set; }

    [Description("Keys of a ConfigMap.")]
    public ConfigMapProjection? ConfigMap { get; set; }

    [Description("A service account token.")]
    public ServiceAccountTokenProjection? ServiceAccountToken { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
