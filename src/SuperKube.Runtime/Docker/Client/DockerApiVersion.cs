using System.Globalization;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>Engine API version negotiation: the lower of the engine's version and the newest one this client speaks.</summary>
internal static class DockerApiVersion
{
    /// <summary>The newest API version this client is written against (Docker 20.10).</summary>
    public const string Supported = "1.41";

    /// <summary>The version to use with an engine that reports <paramref name="serverVersion"/> (the client's when unknown).</summary>
    public static string Negotiate(string? serverVersion)
    {
        if (Parse(serverVersion) is not { } server)
        {
            return Supported;
        }

        return server.CompareTo(Parse(Supported)!.Value) < 0 ? serverVersion!.Trim() : Supported;
    }

    private static (int Major, int Minor)? Parse(string? version)
    {
        var parts = version?.Trim().Split('.');
        return parts is [var major, var minor]
               && int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
               && int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            ? (a, b)
            : null;
    }
}
