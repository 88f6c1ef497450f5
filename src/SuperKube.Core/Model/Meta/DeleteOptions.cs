using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("Options that control a delete request.")]
public sealed class DeleteOptions
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Seconds to wait before the object is deleted; zero deletes at once.")]
    public long? GracePeriodSeconds { get; set; }

    [Description("Checks the object must pass before it is deleted.")]
    public Preconditions? Preconditions { get; set; }

    [Description("Deprecated switch that orphans dependents; use propagationPolicy instead.")]
    public bool? OrphanDependents { get; set; }

    [Description("What happens to dependents: Orphan, Background or Foreground.")]
    public string? PropagationPolicy { get; set; }

    [Description("With All, the request is checked but nothing is persisted.")]
    [ListType("atomic")]
    public IList<string>? DryRun { get; set; }

    [Description("Deletes an object that cannot be read from storage; unsafe and rarely needed.")]
    public bool? IgnoreStoreReadErrorWithClusterBreakingPotential { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
