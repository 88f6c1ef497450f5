using System.Buffers.Binary;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>
/// Splits the engine's multiplexed stream (containers without a TTY): frames of an 8-byte header — stream type
/// (0 stdin, 1 stdout, 2 stderr, 3 system error), three zero bytes, big-endian payload length — and the payload.
/// </summary>
internal static class DockerStreamDemultiplexer
{
    /// <summary>
    /// Copies each frame's payload to <paramref name="stdout"/> or <paramref name="stderr"/> (system errors go to
    /// stderr; a null target drops the frame) until <paramref name="source"/> ends. Throws
    /// <see cref="InvalidDataException"/> on a truncated frame.
    /// </summary>
    public static async Task CopyAsync(Stream source, Stream? stdout, Stream? stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var header = new byte[8];
        var buffer = new byte[16 * 1024];
        while (await FillAsync(source, header, cancellationToken).ConfigureAwait(false) is var read && read > 0)
        {
            if (read < header.Length)
            {
                throw new InvalidDataException("the engine's stream ended inside a frame header");
            }

            var target = header[0] switch
            {
                1 => stdout,
                2 or 3 => stderr,
                _ => null,
            };
            var remaining = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            while (remaining > 0)
            {
                var chunk = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(remaining, (uint)buffer.Length)), cancellationToken).ConfigureAwait(false);
                if (chunk == 0)
                {
                    throw new InvalidDataException("the engine's stream ended inside a frame");
                }

                if (target is not null)
                {
                    await target.WriteAsync(buffer.AsMemory(0, chunk), cancellationToken).ConfigureAwait(false);
                }

                remaining -= (uint)chunk;
            }

            if (target is not null)
            {
                await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> FillAsync(Stream source, byte[] header, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < header.Length)
        {
            var n = await source.ReadAsync(header.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
