using System.Text.Json.Serialization;

namespace SuperKube.Runtime.Docker.Api;

/// <summary>GET /containers/{id}/stats?stream=false (the fields SuperKube reads).</summary>
internal sealed class ContainerStatsResponse
{
    [JsonPropertyName("read")]
    public DateTimeOffset Read { get; set; }

    [JsonPropertyName("preread")]
    public DateTimeOffset PreRead { get; set; }

    [JsonPropertyName("cpu_stats")]
    public CpuStats? CpuStats { get; set; }

    [JsonPropertyName("precpu_stats")]
    public CpuStats? PreCpuStats { get; set; }

    [JsonPropertyName("memory_stats")]
    public MemoryStats? MemoryStats { get; set; }
}
