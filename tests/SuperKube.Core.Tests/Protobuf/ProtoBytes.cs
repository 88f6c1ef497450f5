using System.Text;

namespace SuperKube.Protobuf.Tests;

/// <summary>Builds small protobuf byte sequences for decoder tests.</summary>
internal static class ProtoBytes
{
    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    public static byte[] Tag(int number, ProtoWireType type) => Varint(((ulong)number << 3) | (ulong)type);

    public static byte[] Number(int number, long value) => [.. Tag(number, ProtoWireType.Varint), .. Varint((ulong)value)];

    public static byte[] Bytes(int number, params byte[][] parts)
    {
        byte[] payload = [.. parts.SelectMany(p => p)];
        return [.. Tag(number, ProtoWireType.LengthDelimited), .. Varint((ulong)payload.Length), .. payload];
    }

    public static byte[] String(int number, string value) => Bytes(number, Encoding.UTF8.GetBytes(value));

    public static byte[] Envelope(string apiVersion, string kind, byte[] raw) =>
        [.. "k8s\0"u8, .. Bytes(1, String(1, apiVersion), String(2, kind)), .. Bytes(2, raw), .. Bytes(3), .. Bytes(4)];
}
