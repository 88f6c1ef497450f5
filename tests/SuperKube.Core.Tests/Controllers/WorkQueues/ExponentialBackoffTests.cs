namespace SuperKube.Controllers.WorkQueues.Tests;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void Next_RepeatedFailures_DoublesFromBaseUpToMax()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var delays = Enumerable.Range(0, 4).Select(_ => backoff.Next("a")).ToList();

        Assert.Equal([5, 10, 20, 40], delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void Next_ManyFailures_CapsAtMaxDelay()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

        var last = TimeSpan.Zero;
        for (var i = 0; i < 100; i++)
        {
            last = backoff.Next("a");
        }

        Assert.Equal(TimeSpan.FromSeconds(1000), last);
        Assert.Equal(100, backoff.Retries("a"));
    }

    [Fact]
    public void Next_DifferentItems_HaveIndependentBackoff()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        backoff.Next("a");
        backoff.Next("a");

        var b = backoff.Next("b");

        Assert.Equal(TimeSpan.FromMilliseconds(5), b);
    }

    [Fact]
    public void Forget_AfterFailures_StartsAgainFromBase()
    {
        var backoff = new ExponentialBackoff<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        backoff.Next("a");
        backoff.Next("a");

        backoff.Forget("a");

        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.Next("a"));
    }
}
