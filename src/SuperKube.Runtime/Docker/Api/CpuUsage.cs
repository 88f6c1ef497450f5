using System.Text.Json.Serialization;

namespace SuperKube.Runtime.Docker.Api;

/// <summary>Cumulative CPU time in nanoseconds.</summary>
internal sealed class CpuUsage
{
    [JsonPropertyName("total_usage")]
    public long TotalUsage { get; set; }
}
