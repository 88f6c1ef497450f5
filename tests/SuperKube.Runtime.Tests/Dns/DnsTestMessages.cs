using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace SuperKube.Runtime.Dns.Tests;

/// <summary>Queries written and replies read byte by byte, independently of the server's own wire code.</summary>
internal static class DnsTestMessages
{
    public static byte[] Query(ushort id, string name, ushort type)
    {
        var message = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            message.Add((byte)label.Length);
            message.AddRange(Encoding.ASCII.GetBytes(label));
        }

        message.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. message];
    }

    /// <summary>The reply's id, flags, rcode and its answer records (type, data).</summary>
    public static Reply Read(byte[] reply)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(reply);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(2));
        var answers = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(6)) + BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(10));
        var offset = 12;
        if (BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(4)) > 0)
        {
            SkipName(reply, ref offset);
            offset += 4;
        }

        var records = new List<(ushort Type, byte[] Data)>();
        for (var i = 0; i < answers; i++)
        {
            SkipName(reply, ref offset);
            var type = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(offset));
            var length = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(offset + 8));
            records.Add((type, reply[(offset + 10)..(offset + 10 + length)]));
            offset += 10 + length;
        }

        return new Reply(id, flags, flags & 0xF, records);
    }

    private static void SkipName(byte[] message, ref int offset)
    {
        while (message[offset] != 0)
        {
            if ((message[offset] & 0xC0) == 0xC0)
            {
                offset += 2;
                return;
            }

            offset += 1 + message[offset];
        }

        offset++;
    }

    internal sealed record Reply(ushort Id, ushort Flags, int Rcode, List<(ushort Type, byte[] Data)> Records)
    {
        public bool Truncated => (Flags & 0x0200) != 0;

        public bool Authoritative => (Flags & 0x0400) != 0;

        public IEnumerable<string> Addresses => Records.Where(r => r.Type == 1).Select(r => new IPAddress(r.Data).ToString());
    }
}
