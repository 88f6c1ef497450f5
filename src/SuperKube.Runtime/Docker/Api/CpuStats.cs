using System.Text.Json.Serialization;

namespace SuperKube.Runtime.Docker.Api;

/// <summary>CPU counters of a stats sample.</summary>
internal sealed class CpuStats
{
    [JsonPropertyName("cpu_usage")]
    public CpuUsage? CpuUsage { get; set; }
}
