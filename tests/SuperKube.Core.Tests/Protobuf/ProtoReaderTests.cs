namespace SuperKube.Protobuf.Tests;

public sealed class ProtoReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0UL)]
    [InlineData(new byte[] { 0x01 }, 1UL)]
    [InlineData(new byte[] { 0x7f }, 127UL)]
    [InlineData(new byte[] { 0x96, 0x01 }, 150UL)]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0x0f }, 4294967295UL)]
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }, ulong.MaxValue)]
    public void ReadVarint_ValidEncoding_ReturnsValue(byte[] data, ulong expected)
    {
        var reader = new ProtoReader(data);

        var value = reader.ReadVarint();

        Assert.Equal(expected, value);
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void ReadVarint_NegativeInt32_SignExtendsToTenBytes()
    {
        var reader = new ProtoReader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);

        var value = (int)(long)reader.ReadVarint();

        Assert.Equal(-1, value);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xff, 0xff })]
    [InlineData(new byte[] { })]
    public void ReadVarint_Truncated_ThrowsDecodeError(byte[] data)
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ReadVarint(data));

        Assert.Contains("ends inside a varint", error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ReadVarint_Overflowing64Bits_ThrowsDecodeError()
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ReadVarint([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]));

        Assert.Contains("overflows", error.Message);
    }

    [Fact]
    public void ReadVarint_LongerThanTenBytes_ThrowsDecodeError()
    {
        Assert.Throws<ProtobufDecodeException>(() => ReadVarint([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]));
    }

    [Fact]
    public void TryReadTag_FieldAndWireType_AreSplit()
    {
        var reader = new ProtoReader([0x0a, 0x00, 0x98, 0x01, 0x05]);

        Assert.True(reader.TryReadTag(out var first, out var firstType));
        Assert.Equal(0, reader.ReadLengthDelimited().Length);
        Assert.True(reader.TryReadTag(out var second, out var secondType));
        Assert.Equal(5UL, reader.ReadVarint());

        Assert.Equal((1, ProtoWireType.LengthDelimited), (first, firstType));
        Assert.Equal((19, ProtoWireType.Varint), (second, secondType));
        Assert.False(reader.TryReadTag(out _, out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x0b }, "groups")]
    [InlineData(new byte[] { 0x0c }, "groups")]
    [InlineData(new byte[] { 0x0e }, "wire type 6")]
    [InlineData(new byte[] { 0x00 }, "field number 0")]
    public void TryReadTag_InvalidTag_ThrowsDecodeError(byte[] data, string expected)
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ReadTag(data));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ReadLengthDelimited_LengthBeyondData_ThrowsDecodeError()
    {
        var error = Assert.Throws<ProtobufDecodeException>(() => ReadLengthDelimited([0x05, 0x61, 0x62]));

        Assert.Contains("exceeds the 2 bytes that remain", error.Message);
    }

    [Fact]
    public void ReadLengthDelimited_HugeLength_ThrowsDecodeError()
    {
        Assert.Throws<ProtobufDecodeException>(() => ReadLengthDelimited([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    }

    [Fact]
    public void ReadFixed_LittleEndian_ReturnsValues()
    {
        var reader = new ProtoReader([0x01, 0x02, 0x03, 0x04, 0x01, 0, 0, 0, 0, 0, 0, 0x80]);

        Assert.Equal(0x04030201U, reader.ReadFixed32());
        Assert.Equal(0x8000000000000001UL, reader.ReadFixed64());
    }

    [Fact]
    public void ReadFixed64_Truncated_ThrowsDecodeError()
    {
        var error = Assert.Throws<ProtobufDecodeException>(() =>
        {
            var reader = new ProtoReader([1, 2, 3]);
            return reader.ReadFixed64();
        });

        Assert.Contains("fixed64", error.Message);
    }

    private static ulong ReadVarint(byte[] data)
    {
        var reader = new ProtoReader(data);
        return reader.ReadVarint();
    }

    private static bool ReadTag(byte[] data)
    {
        var reader = new ProtoReader(data);
        return reader.TryReadTag(out _, out _);
    }

    private static int ReadLengthDelimited(byte[] data)
    {
        var reader = new ProtoReader(data);
        return reader.ReadLengthDelimited().Length;
    }
}
