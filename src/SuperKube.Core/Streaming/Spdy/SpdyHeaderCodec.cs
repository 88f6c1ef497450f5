using System.Reflection;
using System.Runtime.InteropServices;

namespace SuperKube.Streaming.Spdy;

/// <summary>
/// One direction of SPDY/3 header compression: a single zlib stream for the whole connection, primed with the SPDY/3
/// dictionary, each header block ending with a sync flush. Not thread-safe; one instance per direction.
/// </summary>
internal sealed class SpdyHeaderCodec : IDisposable
{
    private static readonly Lazy<byte[]> LazyDictionary = new(LoadDictionary);
    private readonly IntPtr _stream;
    private readonly bool _compress;
    private bool _disposed;

    private SpdyHeaderCodec(bool compress)
    {
        _compress = compress;
        _stream = Marshal.AllocHGlobal(NativeZlib.StreamSize);
        Marshal.Copy(new byte[NativeZlib.StreamSize], 0, _stream, NativeZlib.StreamSize);
        var dictionary = Dictionary;
        var rc = compress ? NativeZlib.DeflateInit(_stream, 9) : NativeZlib.InflateInit(_stream);
        if (rc == NativeZlib.Ok && compress)
        {
            rc = NativeZlib.DeflateSetDictionary(_stream, dictionary, (uint)dictionary.Length);
        }

        if (rc != NativeZlib.Ok)
        {
            Marshal.FreeHGlobal(_stream);
            throw new InvalidOperationException($"zlib initialisation failed ({rc})");
        }
    }

    /// <summary>The SPDY/3 header dictionary (1423 bytes).</summary>
    public static byte[] Dictionary => LazyDictionary.Value;

    public static SpdyHeaderCodec Compressor() => new(compress: true);

    public static SpdyHeaderCodec Decompressor() => new(compress: false);

    /// <summary>Compresses one header block and sync-flushes it.</summary>
    public byte[] Compress(ReadOnlySpan<byte> block) => Run(block, compress: true);

    /// <summary>Decompresses one header block (the stream state carries over from earlier blocks).</summary>
    public byte[] Decompress(ReadOnlySpan<byte> block) => Run(block, compress: false);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ = _compress ? NativeZlib.DeflateEnd(_stream) : NativeZlib.InflateEnd(_stream);
        Marshal.FreeHGlobal(_stream);
    }

    private byte[] Run(ReadOnlySpan<byte> input, bool compress)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (compress != _compress)
        {
            throw new InvalidOperationException(compress ? "this codec decompresses" : "this codec compresses");
        }

        var source = input.ToArray();
        var chunk = new byte[4096];
        using var result = new MemoryStream();
        var inHandle = GCHandle.Alloc(source, GCHandleType.Pinned);
        var outHandle = GCHandle.Alloc(chunk, GCHandleType.Pinned);
        try
        {
            Marshal.WriteIntPtr(_stream, NativeZlib.NextIn, inHandle.AddrOfPinnedObject());
            Marshal.WriteInt32(_stream, NativeZlib.AvailIn, source.Length);
            while (true)
            {
                Marshal.WriteIntPtr(_stream, NativeZlib.NextOut, outHandle.AddrOfPinnedObject());
                Marshal.WriteInt32(_stream, NativeZlib.AvailOut, chunk.Length);
                var rc = compress ? NativeZlib.Deflate(_stream, NativeZlib.SyncFlush) : NativeZlib.Inflate(_stream, NativeZlib.SyncFlush);
                if (rc == NativeZlib.NeedDictionary && !compress)
                {
                    Check(NativeZlib.InflateSetDictionary(_stream, Dictionary, (uint)Dictionary.Length));
                    continue;
                }

                if (rc is not (NativeZlib.Ok or NativeZlib.StreamEnd or NativeZlib.BufferError))
                {
                    throw new InvalidDataException($"zlib {(compress ? "deflate" : "inflate")} failed ({rc})");
                }

                var produced = chunk.Length - Marshal.ReadInt32(_stream, NativeZlib.AvailOut);
                result.Write(chunk, 0, produced);
                var inputLeft = Marshal.ReadInt32(_stream, NativeZlib.AvailIn);
                if (produced < chunk.Length && (inputLeft == 0 || rc != NativeZlib.Ok))
                {
                    return result.ToArray();
                }
            }
        }
        finally
        {
            inHandle.Free();
            outHandle.Free();
        }
    }

    private static void Check(int rc)
    {
        if (rc != NativeZlib.Ok)
        {
            throw new InvalidDataException($"zlib dictionary rejected ({rc})");
        }
    }

    private static byte[] LoadDictionary()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SuperKube.Streaming.Spdy.spdy3-dictionary.bin")
            ?? throw new InvalidOperationException("the SPDY/3 dictionary resource is missing");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
