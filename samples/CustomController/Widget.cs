using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model;
using SuperKube.Model.Meta;

namespace CustomController;

/// <summary>
/// The Widget custom resource as a typed model. [KubernetesEntity] tells SuperKube which resource serves it, so
/// informers, the typed client helpers and AddController work with it like with Pods or Deployments.
/// </summary>
[KubernetesEntity(Group = "example.com", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : IKubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta? Metadata { get; set; }

    public WidgetSpec? Spec { get; set; }

    public WidgetStatus? Status { get; set; }

    /// <summary>Fields this model does not know, kept so updates never drop them.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
