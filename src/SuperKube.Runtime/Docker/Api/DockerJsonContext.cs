using System.Text.Json.Serialization;

namespace SuperKube.Runtime.Docker.Api;

/// <summary>Source-generated JSON for the Docker Engine API types (PascalCase as the engine writes them).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DockerVersionResponse))]
[JsonSerializable(typeof(ContainerCreateRequest))]
[JsonSerializable(typeof(ContainerInspectResponse))]
[JsonSerializable(typeof(List<ContainerSummary>))]
[JsonSerializable(typeof(ExecCreateRequest))]
[JsonSerializable(typeof(ExecStartRequest))]
[JsonSerializable(typeof(ExecInspectResponse))]
[JsonSerializable(typeof(ImageInspectResponse))]
[JsonSerializable(typeof(IdResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(WaitResponse))]
[JsonSerializable(typeof(ProgressMessage))]
[JsonSerializable(typeof(ContainerStatsResponse))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
internal sealed partial class DockerJsonContext : JsonSerializerContext;
