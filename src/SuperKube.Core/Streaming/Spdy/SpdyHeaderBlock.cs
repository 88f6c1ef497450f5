using System.Buffers.Binary;
using System.Text;

namespace SuperKube.Streaming.Spdy;

/// <summary>The uncompressed SPDY/3 name/value block: a count, then length-prefixed names and values (all u32).</summary>
internal static class SpdyHeaderBlock
{
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var buffer = new MemoryStream();
        WriteNumber(buffer, (uint)headers.Count);
        foreach (var (name, value) in headers)
        {
            WriteString(buffer, name.ToLowerInvariant());
            WriteString(buffer, value);
        }

        return buffer.ToArray();
    }

    /// <summary>Names (lowercase) to values; several values of one name stay joined by NUL.</summary>
    public static Dictionary<string, string> Decode(ReadOnlySpan<byte> block)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = ReadNumber(ref block);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(ref block);
            headers[name.ToLowerInvariant()] = ReadString(ref block);
        }

        return headers;
    }

    private static void WriteNumber(MemoryStream buffer, uint value)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, value);
        buffer.Write(number);
    }

    private static void WriteString(MemoryStream buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteNumber(buffer, (uint)bytes.Length);
        buffer.Write(bytes);
    }

    private static uint ReadNumber(ref ReadOnlySpan<byte> block)
    {
        if (block.Length < 4)
        {
            throw new InvalidDataException("truncated SPDY header block");
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(block);
        block = block[4..];
        return value;
    }

    private static string ReadString(ref ReadOnlySpan<byte> block)
    {
        var length = ReadNumber(ref block);
        if (length > block.Length)
        {
            throw new InvalidDataException("truncated SPDY header block");
        }

        var text = Encoding.UTF8.GetString(block[..(int)length]);
        block = block[(int)length..];
        return text;
    }
}
