using SuperKube.Streaming.Spdy;

namespace SuperKube.Streaming.Spdy.Tests;

public sealed class SpdyHeaderCodecTests
{
    [Fact]
    public void Compress_EmptyHeaderBlock_MatchesCapturedSynReply()
    {
        using var compressor = SpdyHeaderCodec.Compressor();

        var block = compressor.Compress(SpdyHeaderBlock.Encode([]));

        Assert.Equal(Convert.FromHexString("78f9e3c6a7c202a623060000" + "0000ffff"), block);
    }

    [Fact]
    public void Decompress_CompressedBlocks_RoundTripsWithStateAcrossBlocks()
    {
        using var compressor = SpdyHeaderCodec.Compressor();
        using var decompressor = SpdyHeaderCodec.Decompressor();
        var first = SpdyHeaderBlock.Encode([new("streamtype", "error"), new("port", "80"), new("requestid", "0")]);
        var second = SpdyHeaderBlock.Encode([new("streamtype", "data"), new("port", "80"), new("requestid", "0")]);

        var a = SpdyHeaderBlock.Decode(decompressor.Decompress(compressor.Compress(first)));
        var b = SpdyHeaderBlock.Decode(decompressor.Decompress(compressor.Compress(second)));

        Assert.Equal("error", a["streamtype"]);
        Assert.Equal("data", b["streamtype"]);
        Assert.Equal("0", b["requestid"]);
    }

    [Fact]
    public void Dictionary_Resource_IsTheSpdy3Dictionary()
    {
        var dictionary = SpdyHeaderCodec.Dictionary;

        Assert.Equal(1423, dictionary.Length);
        Assert.Equal("51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(dictionary)));
    }
}
