using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Coordination;

[Description("The state of a lease.")]
public sealed class LeaseSpec
{
    [Description("Identity of the current holder.")]
    public string? HolderIdentity { get; set; }

    [Description("Seconds candidates wait before they may take the lease over.")]
    public int? LeaseDurationSeconds { get; set; }

    [Description("When the current holder acquired the lease.")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    [Description("When the holder last renewed the lease.")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    [Description("Number of times the holder changed.")]
    public int? LeaseTransitions { get; set; }

    [Description("Strategy for choosing the next holder.")]
    public string? Strategy { get; set; }

    [Description("Holder that should take the lease next.")]
    public string? PreferredHolder { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
