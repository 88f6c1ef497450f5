using Microsoft.AspNetCore.Http;

namespace SuperKube.Api.Tests;

public sealed class RequestBodyTests
{
    [Fact]
    public async Task ReadAsync_WithContentLength_ReturnsExactlyTheBody()
    {
        var bytes = "{\"kind\":\"ConfigMap\"}"u8.ToArray();
        var request = Request(new ChunkedStream(bytes, chunk: 3), bytes.Length);

        var body = await RequestBody.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task ReadAsync_BodyShorterThanContentLength_ReturnsWhatArrived()
    {
        var request = Request(new MemoryStream("{}"u8.ToArray()), 10);

        var body = await RequestBody.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("{}"u8.ToArray(), body);
    }

    [Fact]
    public async Task ReadAsync_WithoutContentLength_ReadsToTheEnd()
    {
        var bytes = new byte[20_000];
        Random.Shared.NextBytes(bytes);
        var request = Request(new ChunkedStream(bytes, chunk: 7000), null);

        var body = await RequestBody.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_Throws413()
    {
        var request = Request(new MemoryStream(), RequestBody.MaxBytes + 1L);

        var error = await Assert.ThrowsAsync<ApiException>(() => RequestBody.ReadAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(413, error.Code);
    }

    [Fact]
    public async Task ReadAsync_EmptyBodyWithZeroContentLength_ReturnsEmpty()
    {
        var request = Request(new MemoryStream(), 0);

        var body = await RequestBody.ReadAsync(request, TestContext.Current.CancellationToken);

        Assert.Empty(body);
    }

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, like a socket.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
