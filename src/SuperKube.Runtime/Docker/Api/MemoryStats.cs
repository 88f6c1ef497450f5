using System.Text.Json.Serialization;

namespace SuperKube.Runtime.Docker.Api;

/// <summary>Memory counters of a stats sample; the working set is usage minus inactive file pages.</summary>
internal sealed class MemoryStats
{
    [JsonPropertyName("usage")]
    public long Usage { get; set; }

    [JsonPropertyName("stats")]
    public Dictionary<string, long>? Stats { get; set; }
}
