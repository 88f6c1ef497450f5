namespace SuperKube.Runtime.Dns;

/// <summary>One resource record: owner name, type, TTL and its RDATA already in wire form.</summary>
internal sealed record DnsRecord(string Name, ushort Type, uint Ttl, byte[] Data);
