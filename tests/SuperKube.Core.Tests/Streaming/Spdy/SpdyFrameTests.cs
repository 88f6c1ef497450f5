using SuperKube.Streaming.Spdy;

namespace SuperKube.Streaming.Spdy.Tests;

public sealed class SpdyFrameTests
{
    [Fact]
    public async Task ReadAsync_CapturedDataFin_ParsesStreamAndFlag()
    {
        using var stream = new MemoryStream(Convert.FromHexString("0000000101000000"));

        var frame = await SpdyFrame.ReadAsync(stream, TestContext.Current.CancellationToken);

        Assert.NotNull(frame);
        Assert.Equal(SpdyFrame.Data, frame.Type);
        Assert.Equal(1u, frame.StreamId);
        Assert.True(frame.IsFin);
        Assert.Empty(frame.Payload);
    }

    [Fact]
    public async Task ReadAsync_CapturedPing_RoundTripsUnchanged()
    {
        var bytes = Convert.FromHexString("8003000600000004" + "00000001");
        using var stream = new MemoryStream(bytes);

        var frame = await SpdyFrame.ReadAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(SpdyFrame.Ping, frame!.Type);
        Assert.Equal(bytes, frame.ToBytes());
    }

    [Fact]
    public void SynReplyFrame_EmptyHeaders_MatchesCapturedBytes()
    {
        using var compressor = SpdyHeaderCodec.Compressor();

        var frame = SpdyFrame.SynReplyFrame(1, compressor.Compress(SpdyHeaderBlock.Encode([])));

        Assert.Equal(Convert.FromHexString("8003000200000014" + "00000001" + "78f9e3c6a7c202a6230600000000ffff"), frame.ToBytes());
    }

    [Fact]
    public async Task ReadAsync_EndOfStream_ReturnsNull()
    {
        using var stream = new MemoryStream();

        Assert.Null(await SpdyFrame.ReadAsync(stream, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Parse_SynStream_TakesStreamIdFromPayload()
    {
        var payload = Convert.FromHexString("00000003" + "00000000" + "0000");

        var frame = SpdyFrame.Parse(Convert.FromHexString("800300010000000a"), payload);

        Assert.Equal(SpdyFrame.SynStream, frame.Type);
        Assert.Equal(3u, frame.StreamId);
    }
}
