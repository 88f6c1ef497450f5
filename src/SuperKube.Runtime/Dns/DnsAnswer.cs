namespace SuperKube.Runtime.Dns;

/// <summary>What the resolver says to a query: the response code, the answer and additional records.</summary>
internal sealed record DnsAnswer(DnsRcode Rcode, IReadOnlyList<DnsRecord> Records, IReadOnlyList<DnsRecord> Additional)
{
    public static DnsAnswer Of(params DnsRecord[] records) => new(DnsRcode.NoError, records, []);

    public static readonly DnsAnswer NoData = new(DnsRcode.NoError, [], []);

    public static readonly DnsAnswer NameError = new(DnsRcode.NameError, [], []);
}
