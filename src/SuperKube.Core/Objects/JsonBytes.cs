using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Objects;

/// <summary>Compact UTF-8 serialisation of JSON nodes.</summary>
internal static class JsonBytes
{
    /// <summary>A thread's scratch buffer larger than this is not kept for the next call.</summary>
    private const int MaxKeptBuffer = 1 << 20;

    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>The node's JSON in a new array of exactly its length (written through a per-thread scratch buffer).</summary>
    public static byte[] From(JsonNode node) => Write(node, static (n, writer) => n.WriteTo(writer));

    /// <summary>What <paramref name="write"/> writes for <paramref name="value"/>, in a new array of exactly its length.</summary>
    public static byte[] Write<T>(T value, Action<T, Utf8JsonWriter> write)
    {
        var scratch = _scratch ?? new Scratch();
        _scratch = null; // not reentrant: a nested call gets its own
        try
        {
            scratch.Writer.Reset(scratch.Buffer);
            write(value, scratch.Writer);
            scratch.Writer.Flush();
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (scratch.Buffer.Capacity <= MaxKeptBuffer)
            {
                scratch.Buffer.ResetWrittenCount();
                _scratch = scratch;
            }
        }
    }

    private sealed class Scratch
    {
        public Scratch()
        {
            Writer = new Utf8JsonWriter(Buffer, Options);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(16 * 1024);

        public Utf8JsonWriter Writer { get; }
    }
}
