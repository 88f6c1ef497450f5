namespace SuperKube.Controllers.Apps.Tests;

public sealed class SlowStartTests
{
    [Fact]
    public async Task RunAsync_AllSucceed_RunsEveryCall()
    {
        var calls = 0;

        var (succeeded, error) = await SlowStart.RunAsync(10, 1, _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal((10, 10), (calls, succeeded));
        Assert.Null(error);
    }

    [Fact]
    public async Task RunAsync_FailureInThirdBatch_StopsAfterThatBatch()
    {
        var calls = 0;

        var (succeeded, error) = await SlowStart.RunAsync(100, 1, _ =>
        {
            var call = Interlocked.Increment(ref calls);
            return call == 5 ? Task.FromException(new InvalidOperationException("quota")) : Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(7, calls);
        Assert.Equal(6, succeeded);
        Assert.Equal("quota", error?.Message);
    }
}
