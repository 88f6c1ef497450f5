using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Rbac;

[Description("Actions allowed on a set of resources.")]
public sealed class PolicyRule
{
    [Description("Verbs allowed, such as get or list; * for all.")]
    [ListType("atomic")]
    public IList<string>? Verbs { get; set; }

    [Description("API groups of the resources; empty string for core.")]
    [ListType("atomic")]
    public IList<string>? ApiGroups { get; set; }

    [Description("Resources the rule covers.")]
    [ListType("atomic")]
    public IList<string>? Resources { get; set; }

    [Description("Names of the objects the rule is limited to.")]
    [ListType("atomic")]
    public IList<string>? ResourceNames { get; set; }

    [Description("URL paths that are not resources, such as /healthz.")]
    [ListType("atomic")]
    public IList<string>? NonResourceURLs { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
