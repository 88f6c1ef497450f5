using System.Buffers.Binary;

namespace SuperKube.Streaming.Spdy;

/// <summary>
/// One SPDY/3.1 frame: a control frame (<see cref="Type"/> &gt; 0; <see cref="Payload"/> is everything after the
/// 8-byte header) or a data frame (<see cref="Type"/> 0; <see cref="StreamId"/> from the header).
/// </summary>
internal sealed record SpdyFrame(ushort Type, byte Flags, uint StreamId, byte[] Payload)
{
    public const ushort Data = 0;
    public const ushort SynStream = 1;
    public const ushort SynReply = 2;
    public const ushort RstStream = 3;
    public const ushort Settings = 4;
    public const ushort Ping = 6;
    public const ushort GoAway = 7;
    public const ushort Headers = 8;
    public const ushort WindowUpdate = 9;

    public const byte FlagFin = 0x01;

    public const uint StatusCancel = 5;

    /// <summary>The size of every frame's header.</summary>
    public const int HeaderLength = 8;

    public bool IsFin => (Flags & FlagFin) != 0;

    /// <summary>Reads a frame; null at the end of the stream (between frames).</summary>
    public static async Task<SpdyFrame?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var first = await stream.ReadAtLeastAsync(header, 8, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (first == 0)
        {
            return null;
        }

        if (first < 8)
        {
            throw new EndOfStreamException("the SPDY connection ended inside a frame header");
        }

        var length = (header[5] << 16) | (header[6] << 8) | header[7];
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        return Parse(header, payload);
    }

    /// <summary>Builds a frame from its 8-byte header and payload.</summary>
    public static SpdyFrame Parse(ReadOnlySpan<byte> header, byte[] payload)
    {
        var word = BinaryPrimitives.ReadUInt32BigEndian(header);
        var flags = header[4];
        if ((word & 0x8000_0000) == 0)
        {
            return new SpdyFrame(Data, flags, word & 0x7fff_ffff, payload);
        }

        var version = (word >> 16) & 0x7fff;
        if (version != 3)
        {
            throw new InvalidDataException($"unsupported SPDY version {version}");
        }

        var type = (ushort)(word & 0xffff);
        var streamId = type is SynStream or SynReply or RstStream or Headers or WindowUpdate && payload.Length >= 4
            ? BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7fff_ffff
            : 0;
        return new SpdyFrame(type, flags, streamId, payload);
    }

    /// <summary>The frame on the wire.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[8 + Payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Type == Data ? StreamId & 0x7fff_ffff : 0x8003_0000u | Type);
        bytes[4] = Flags;
        bytes[5] = (byte)(Payload.Length >> 16);
        bytes[6] = (byte)(Payload.Length >> 8);
        bytes[7] = (byte)Payload.Length;
        Payload.CopyTo(bytes, 8);
        return bytes;
    }

    /// <summary>Writes a DATA frame's 8-byte header (stream id, flags, payload length) into <paramref name="header"/>.</summary>
    public static void WriteDataHeader(Span<byte> header, uint streamId, int length, bool fin)
    {
        BinaryPrimitives.WriteUInt32BigEndian(header, streamId & 0x7fff_ffff);
        header[4] = fin ? FlagFin : (byte)0;
        header[5] = (byte)(length >> 16);
        header[6] = (byte)(length >> 8);
        header[7] = (byte)length;
    }

    /// <summary>The compressed header block of a SYN_STREAM (after stream id, associated id, priority and slot).</summary>
    public ReadOnlySpan<byte> SynStreamHeaderBlock => Payload.AsSpan(Math.Min(10, Payload.Length));

    public static SpdyFrame DataFrame(uint streamId, ReadOnlySpan<byte> data, bool fin) => new(Data, fin ? FlagFin : (byte)0, streamId, data.ToArray());

    public static SpdyFrame SynReplyFrame(uint streamId, byte[] compressedHeaders)
    {
        var payload = new byte[4 + compressedHeaders.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, streamId & 0x7fff_ffff);
        compressedHeaders.CopyTo(payload, 4);
        return new SpdyFrame(SynReply, 0, streamId, payload);
    }

    public static SpdyFrame RstStreamFrame(uint streamId, uint status)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(payload, streamId & 0x7fff_ffff);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), status);
        return new SpdyFrame(RstStream, 0, streamId, payload);
    }
}
