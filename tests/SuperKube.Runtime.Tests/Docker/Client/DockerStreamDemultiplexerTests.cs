using System.Buffers.Binary;
using System.Text;

namespace SuperKube.Runtime.Docker.Client.Tests;

public sealed class DockerStreamDemultiplexerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_InterleavedFrames_SplitsByStream()
    {
        using var source = Frames((1, "out-1\n"), (2, "err-1\n"), (1, "out-2\n"), (3, "oops\n"));
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();

        await DockerStreamDemultiplexer.CopyAsync(source, stdout, stderr, Ct);

        Assert.Equal("out-1\nout-2\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err-1\noops\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task Copy_NullTarget_DropsThoseFrames()
    {
        using var source = Frames((1, "kept"), (2, "dropped"));
        using var stdout = new MemoryStream();

        await DockerStreamDemultiplexer.CopyAsync(source, stdout, null, Ct);

        Assert.Equal("kept", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task Copy_LargeFrameInSmallReads_Reassembled()
    {
        var big = new string('x', 100_000);
        using var source = new TrickleStream(Frames((1, big)).ToArray());
        using var stdout = new MemoryStream();

        await DockerStreamDemultiplexer.CopyAsync(source, stdout, null, Ct);

        Assert.Equal(big, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public async Task Copy_TruncatedFrame_Throws()
    {
        var bytes = Frames((1, "hello")).ToArray();
        using var source = new MemoryStream(bytes[..^2]);

        await Assert.ThrowsAsync<InvalidDataException>(() => DockerStreamDemultiplexer.CopyAsync(source, Stream.Null, null, Ct));
    }

    [Fact]
    public async Task Copy_Empty_Completes()
    {
        using var source = new MemoryStream();
        using var stdout = new MemoryStream();

        await DockerStreamDemultiplexer.CopyAsync(source, stdout, null, Ct);

        Assert.Equal(0, stdout.Length);
    }

    private static MemoryStream Frames(params (byte Kind, string Text)[] frames)
    {
        var stream = new MemoryStream();
        foreach (var (kind, text) in frames)
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var header = new byte[8];
            header[0] = kind;
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
            stream.Write(header);
            stream.Write(payload);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Hands out at most three bytes per read, as a slow socket might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
    }
}
