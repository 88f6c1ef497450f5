namespace SuperKube.Scheduling.Framework;

/// <summary>A host port a pod uses: IP (0.0.0.0 for all), protocol and port.</summary>
internal readonly record struct HostPort(string Ip, string Protocol, int Port)
{
    public const string AnyIp = "0.0.0.0";

    /// <summary>True when both cannot be bound at once: same port and protocol, and the same IP or a wildcard.</summary>
    public bool ConflictsWith(HostPort other) =>
        Port == other.Port && Protocol == other.Protocol && (Ip == other.Ip || Ip == AnyIp || other.Ip == AnyIp);
}
