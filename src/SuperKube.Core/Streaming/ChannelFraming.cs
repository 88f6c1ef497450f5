using System.Text;

namespace SuperKube.Streaming;

/// <summary>
/// The Kubernetes channel protocols over WebSocket (<c>v5.channel.k8s.io</c> and its predecessors): a binary message
/// is one channel byte then the payload; the base64 variants send text messages of one digit then base64.
/// </summary>
internal static class ChannelFraming
{
    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;
    public const byte Close = 255;

    public const string V5 = "v5.channel.k8s.io";

    /// <summary>The sub-protocols accepted for exec and attach, best first.</summary>
    public static readonly IReadOnlyList<string> Protocols =
        [V5, "v4.channel.k8s.io", "channel.k8s.io", "v4.base64.channel.k8s.io", "base64.channel.k8s.io"];

    public static bool IsBase64(string protocol) => protocol.Contains("base64", StringComparison.Ordinal);

    public static byte[] Encode(byte channel, ReadOnlySpan<byte> payload, bool base64)
    {
        if (base64)
        {
            return Encoding.ASCII.GetBytes((char)('0' + channel) + Convert.ToBase64String(payload));
        }

        var message = new byte[payload.Length + 1];
        message[0] = channel;
        payload.CopyTo(message.AsSpan(1));
        return message;
    }

    /// <summary>Splits a received message into channel and payload; false for an empty or malformed one.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> message, bool base64, out byte channel, out byte[] payload)
    {
        channel = 0;
        payload = [];
        if (message.IsEmpty)
        {
            return false;
        }

        if (!base64)
        {
            channel = message[0];
            payload = message[1..].ToArray();
            return true;
        }

        var digit = message[0] - '0';
        if (digit is < 0 or > 9)
        {
            return false;
        }

        channel = (byte)digit;
        try
        {
            payload = Convert.FromBase64String(Encoding.ASCII.GetString(message[1..]));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
