using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The hard limits of a quota and which objects it applies to.")]
public sealed class ResourceQuotaSpec
{
    [Description("The most of each named resource (pods, requests.cpu, count/deployments.apps, ...) the namespace may use.")]
    public IDictionary<string, string>? Hard { get; set; }

    [Description("Filters on the objects the quota tracks (Terminating, NotTerminating, BestEffort, NotBestEffort, PriorityClass, ...).")]
    public IList<string>? Scopes { get; set; }

    [Description("A selector over scopes; an object must match every expression to be tracked.")]
    public ScopeSelector? ScopeSelector { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
