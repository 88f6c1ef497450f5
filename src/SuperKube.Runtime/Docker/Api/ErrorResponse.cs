namespace SuperKube.Runtime.Docker.Api;

/// <summary>The engine's error body: <c>{"message": "..."}</c>.</summary>
internal sealed class ErrorResponse
{
    public string? Message { get; set; }
}
