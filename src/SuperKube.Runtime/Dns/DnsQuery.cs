namespace SuperKube.Runtime.Dns;

/// <summary>The parts of a query the server answers: its id, flags and single question.</summary>
internal sealed record DnsQuery(ushort Id, ushort Flags, string Name, ushort Type, ushort Class)
{
    /// <summary>Opcode 0, a standard query.</summary>
    public bool IsStandardQuery => ((Flags >> 11) & 0xF) == 0;

    /// <summary>The client asked for recursion (RD).</summary>
    public bool RecursionDesired => (Flags & 0x0100) != 0;
}
