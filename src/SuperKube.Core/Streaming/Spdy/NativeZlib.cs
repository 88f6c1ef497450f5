using System.Runtime.InteropServices;

namespace SuperKube.Streaming.Spdy;

/// <summary>
/// The machine's zlib (<c>libz.so.1</c>), for the one thing .NET's compression streams cannot do: a preset dictionary,
/// which SPDY/3 header compression requires. <c>z_stream</c> lives in unmanaged memory (zlib keeps a pointer to it)
/// and is read and written by offset; the layout is the LP64 one (64-bit Linux and macOS).
/// </summary>
internal static partial class NativeZlib
{
    public const int SyncFlush = 2;
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int NeedDictionary = 2;
    public const int BufferError = -5;

    /// <summary>sizeof(z_stream) on LP64.</summary>
    public const int StreamSize = 112;
    public const int NextIn = 0;
    public const int AvailIn = 8;
    public const int NextOut = 24;
    public const int AvailOut = 32;

    private const string Library = "libz.so.1";
    private const string Version = "1.2.11";

    public static int DeflateInit(IntPtr stream, int level) => deflateInit2_(stream, level, 8, 15, 8, 0, Version, StreamSize);

    public static int InflateInit(IntPtr stream) => inflateInit2_(stream, 15, Version, StreamSize);

    [DllImport(Library, EntryPoint = "deflate")]
    public static extern int Deflate(IntPtr stream, int flush);

    [DllImport(Library, EntryPoint = "deflateSetDictionary")]
    public static extern int DeflateSetDictionary(IntPtr stream, byte[] dictionary, uint length);

    [DllImport(Library, EntryPoint = "deflateEnd")]
    public static extern int DeflateEnd(IntPtr stream);

    [DllImport(Library, EntryPoint = "inflate")]
    public static extern int Inflate(IntPtr stream, int flush);

    [DllImport(Library, EntryPoint = "inflateSetDictionary")]
    public static extern int InflateSetDictionary(IntPtr stream, byte[] dictionary, uint length);

    [DllImport(Library, EntryPoint = "inflateEnd")]
    public static extern int InflateEnd(IntPtr stream);

    [DllImport(Library, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int deflateInit2_(IntPtr stream, int level, int method, int windowBits, int memLevel, int strategy,
        [MarshalAs(UnmanagedType.LPStr)] string version, int streamSize);

    [DllImport(Library, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int inflateInit2_(IntPtr stream, int windowBits, [MarshalAs(UnmanagedType.LPStr)] string version, int streamSize);
}
