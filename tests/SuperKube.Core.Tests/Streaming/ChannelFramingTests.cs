using System.Text;

namespace SuperKube.Streaming.Tests;

public sealed class ChannelFramingTests
{
    [Fact]
    public void Encode_Binary_PrefixesTheChannel()
    {
        Assert.Equal(Convert.FromHexString("01" + "6869"), ChannelFraming.Encode(ChannelFraming.Stdout, "hi"u8, base64: false));
    }

    [Fact]
    public void Encode_Base64_DigitThenBase64()
    {
        Assert.Equal("1Cg==", Encoding.ASCII.GetString(ChannelFraming.Encode(ChannelFraming.Stdout, "\n"u8, base64: true)));
    }

    [Fact]
    public void TryDecode_CapturedStdinAndClose_SplitsChannelAndPayload()
    {
        Assert.True(ChannelFraming.TryDecode(Convert.FromHexString("00696e7075740a"), false, out var channel, out var payload));
        Assert.Equal(ChannelFraming.Stdin, channel);
        Assert.Equal("input\n", Encoding.ASCII.GetString(payload));

        Assert.True(ChannelFraming.TryDecode(Convert.FromHexString("ff00"), false, out channel, out payload));
        Assert.Equal(ChannelFraming.Close, channel);
        Assert.Equal([0], payload);
    }

    [Fact]
    public void TryDecode_Empty_False()
    {
        Assert.False(ChannelFraming.TryDecode([], false, out _, out _));
    }

    [Fact]
    public void TryParseSize_ResizeMessage_ReadsWidthAndHeight()
    {
        Assert.True(RemoteCommandSession.TryParseSize(Encoding.ASCII.GetBytes("{\"Width\":100,\"Height\":30}\n"), out var width, out var height));
        Assert.Equal((100, 30), (width, height));
    }

    [Fact]
    public void ExitStatus_NonZero_CarriesExitCodeCause()
    {
        var status = ExitStatus.For(3);

        Assert.Equal("NonZeroExitCode", (string?)status["reason"]);
        Assert.Equal("3", (string?)status["details"]!["causes"]![0]!["message"]);
        Assert.Equal("Success", (string?)ExitStatus.For(0)["status"]);
    }

    [Fact]
    public void AcceptKey_Rfc6455Example_Matches()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }
}
