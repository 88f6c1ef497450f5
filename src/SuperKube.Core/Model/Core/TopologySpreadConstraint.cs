using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A rule for spreading matching pods evenly across topology domains.")]
public sealed class TopologySpreadConstraint
{
    [Description("Largest allowed difference in matching pods between two domains.")]
    public int? MaxSkew { get; set; }

    [Description("Node label that defines the domains.")]
    public string? TopologyKey { get; set; }

    [Description("What to do when the rule cannot be met: DoNotSchedule or ScheduleAnyway.")]
    public string? WhenUnsatisfiable { get; set; }

    [Description("Pods that are counted.")]
    public LabelSelector? LabelSelector { get; set; }

    [Description("Least number of eligible domains.")]
    public int? MinDomains { get; set; }

    [Description("Whether node affinity limits the domains: Honor or Ignore.")]
    public string? NodeAffinityPolicy { get; set; }

    [Description("Whether node taints limit the domains: Honor or Ignore.")]
    public string? NodeTaintsPolicy { get; set; }

    [Description("Label keys whose values, taken from this pod, narrow the selection.")]
    [ListType("atomic")]
    public IList<string>? MatchLabelKeys { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
