using System.Text;

namespace SuperKube.WatchCache;

/// <summary>Composes one newline-terminated watch event: <c>{"type":"ADDED","object":...}\n</c>.</summary>
internal static class WatchFrames
{
    public static byte[] Compose(string eventType, ReadOnlySpan<byte> objectJson)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"type\":\"{eventType}\",\"object\":");
        var frame = new byte[prefix.Length + objectJson.Length + 2];
        prefix.CopyTo(frame, 0);
        objectJson.CopyTo(frame.AsSpan(prefix.Length));
        frame[^2] = (byte)'}';
        frame[^1] = (byte)'\n';
        return frame;
    }
}
