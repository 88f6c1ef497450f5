namespace SuperKube.Patching.Tests;

public sealed class PatchExceptionTests
{
    [Fact]
    public void BadRequest_MapsTo400WithDetailMessage()
    {
        var error = PatchException.BadRequest("invalid patch format of retainKeys");

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadRequest", error.StatusReason);
        Assert.Equal("invalid patch format of retainKeys", error.StatusMessage);
    }

    [Fact]
    public void Invalid_MapsTo422WithUpstreamGenericMessage()
    {
        var error = PatchException.Invalid("test operation failed");

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid", error.StatusReason);
        Assert.Equal("the server rejected our request due to an error in our request", error.StatusMessage);
        Assert.Equal("test operation failed", error.Message);
    }
}
