using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("An identity for processes that run in pods.")]
public sealed class ServiceAccount : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Secrets pods using this account may use.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<ObjectReference>? Secrets { get; set; }

    [Description("Secrets added to pods for pulling images.")]
    [ListType("atomic")]
    public IList<LocalObjectReference>? ImagePullSecrets { get; set; }

    [Description("Whether pods mount the account's token by default.")]
    public bool? AutomountServiceAccountToken { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
