namespace SuperKube.Runtime.Dns;

/// <summary>The resource record types the cluster DNS answers (RFC 1035 section 3.2.2, RFC 2782, RFC 3596).</summary>
internal static class DnsType
{
    public const ushort A = 1;
    public const ushort Cname = 5;
    public const ushort Soa = 6;
    public const ushort Ptr = 12;
    public const ushort Aaaa = 28;
    public const ushort Srv = 33;
    public const ushort Any = 255;

    /// <summary>Class IN.</summary>
    public const ushort Internet = 1;
}
