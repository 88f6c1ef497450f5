namespace SuperKube.Runtime.Dns;

/// <summary>Sizes the DNS server works with.</summary>
internal static class DnsServerLimits
{
    /// <summary>The largest message over TCP (two-byte length prefix) or UDP.</summary>
    public const int MaxMessage = 65_535;
}
