using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// RFC 1035 wire format, as much as the cluster DNS needs: reading a query's header and question (names with or
/// without compression pointers) and writing a response with answer and additional records.
/// </summary>
internal static class DnsMessage
{
    /// <summary>The size a UDP reply may have without EDNS; longer ones are truncated (TC) so the client retries over TCP.</summary>
    public const int MaxUdpSize = 512;

    private const int HeaderSize = 12;
    private const int MaxNameLength = 255;

    /// <summary>
    /// Reads the query; false when the message is too short to hold even an id. A readable header with an unusable
    /// question gives a null <paramref name="query"/> (answer FORMERR with <paramref name="id"/>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out ushort id, out DnsQuery? query)
    {
        query = null;
        id = 0;
        if (message.Length < HeaderSize)
        {
            return false;
        }

        id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        if ((flags & 0x8000) != 0 || questions != 1)
        {
            return true;
        }

        var offset = HeaderSize;
        if (ReadName(message, ref offset) is not { } name || offset + 4 > message.Length)
        {
            return true;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        query = new DnsQuery(id, flags, name, type, @class);
        return true;
    }

    /// <summary>The response to <paramref name="query"/>; empty and truncated (TC) when it would exceed <paramref name="maxSize"/>.</summary>
    public static byte[] Write(DnsQuery query, DnsAnswer answer, bool authoritative, bool recursionAvailable, int maxSize)
    {
        var full = Build(query, answer, authoritative, recursionAvailable, truncated: false);
        return full.Length <= maxSize ? full : Build(query, new DnsAnswer(answer.Rcode, [], []), authoritative, recursionAvailable, truncated: true);
    }

    /// <summary>A bare response (no question) carrying only <paramref name="rcode"/>, for queries that could not be read.</summary>
    public static byte[] Error(ushort id, DnsRcode rcode)
    {
        var message = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt16BigEndian(message, id);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(0x8000 | (int)rcode));
        return message;
    }

    /// <summary>RDATA of an A record.</summary>
    public static byte[] AddressData(IPAddress address) => address.GetAddressBytes();

    /// <summary>RDATA of an SRV record (RFC 2782; the target is not compressed).</summary>
    public static byte[] ServiceData(ushort priority, ushort weight, ushort port, string target)
    {
        var data = new List<byte>(6 + target.Length + 2);
        data.AddRange([(byte)(priority >> 8), (byte)priority, (byte)(weight >> 8), (byte)weight, (byte)(port >> 8), (byte)port]);
        WriteName(data, target);
        return [.. data];
    }

    /// <summary>RDATA holding one domain name (CNAME, PTR).</summary>
    public static byte[] NameData(string name)
    {
        var data = new List<byte>(name.Length + 2);
        WriteName(data, name);
        return [.. data];
    }

    private static byte[] Build(DnsQuery query, DnsAnswer answer, bool authoritative, bool recursionAvailable, bool truncated)
    {
        var message = new List<byte>(MaxUdpSize);
        var flags = 0x8000 | (query.Flags & 0x7800) | (query.Flags & 0x0100) | (int)answer.Rcode;
        flags |= authoritative ? 0x0400 : 0;
        flags |= truncated ? 0x0200 : 0;
        flags |= recursionAvailable ? 0x0080 : 0;
        Add16(message, query.Id);
        Add16(message, flags);
        Add16(message, 1);
        Add16(message, answer.Records.Count);
        Add16(message, 0);
        Add16(message, answer.Additional.Count);
        WriteName(message, query.Name);
        Add16(message, query.Type);
        Add16(message, query.Class);
        foreach (var record in answer.Records.Concat(answer.Additional))
        {
            if (string.Equals(record.Name, query.Name, StringComparison.OrdinalIgnoreCase))
            {
                Add16(message, 0xC000 | HeaderSize); // pointer to the question's name
            }
            else
            {
                WriteName(message, record.Name);
            }

            Add16(message, record.Type);
            Add16(message, DnsType.Internet);
            Add16(message, (int)(record.Ttl >> 16));
            Add16(message, (int)(record.Ttl & 0xFFFF));
            Add16(message, record.Data.Length);
            message.AddRange(record.Data);
        }

        return [.. message];
    }

    private static string? ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var name = new StringBuilder();
        var position = offset;
        var jumped = false;
        for (var hops = 0; hops < 64; hops++)
        {
            if (position >= message.Length)
            {
                return null;
            }

            var length = message[position];
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    return null;
                }

                if (!jumped)
                {
                    offset = position + 2;
                    jumped = true;
                }

                position = ((length & 0x3F) << 8) | message[position + 1];
                continue;
            }

            if ((length & 0xC0) != 0 || position + 1 + length > message.Length)
            {
                return null;
            }

            if (length == 0)
            {
                if (!jumped)
                {
                    offset = position + 1;
                }

                return name.Length <= MaxNameLength ? name.ToString() : null;
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            foreach (var c in message.Slice(position + 1, length))
            {
                if (c is <= 0x20 or >= 0x7F or (byte)'.')
                {
                    return null; // only printable ASCII labels are names we could hold
                }

                name.Append((char)c);
            }

            position += 1 + length;
        }

        return null;
    }

    private static void WriteName(List<byte> message, string name)
    {
        foreach (var label in name.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            message.Add((byte)Math.Min(bytes.Length, 63));
            message.AddRange(bytes.Length <= 63 ? bytes : bytes[..63]);
        }

        message.Add(0);
    }

    private static void Add16(List<byte> message, int value)
    {
        message.Add((byte)(value >> 8));
        message.Add((byte)value);
    }
}
