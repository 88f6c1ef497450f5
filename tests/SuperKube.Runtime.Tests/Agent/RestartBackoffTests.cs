namespace SuperKube.Runtime.Agent.Tests;

public sealed class RestartBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WaitUntil_FirstFailure_RestartsImmediately()
    {
        var backoff = new RestartBackoff();

        Assert.Null(backoff.WaitUntil("c", T0, T0));
    }

    [Fact]
    public void Next_RepeatedCrashes_DoublesFrom10SecondsTo5Minutes()
    {
        var backoff = new RestartBackoff();
        var delays = new List<double>();
        var at = T0;

        for (var i = 0; i < 8; i++)
        {
            backoff.Next("c", at);
            delays.Add(backoff.Delay("c").TotalSeconds);
            at += backoff.Delay("c");
        }

        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], delays);
    }

    [Fact]
    public void WaitUntil_CrashWithinWindow_WaitsForTheDelay()
    {
        var backoff = new RestartBackoff();
        backoff.Next("c", T0);

        var crash = T0 + TimeSpan.FromSeconds(3);
        var until = backoff.WaitUntil("c", crash, crash);

        Assert.Equal(crash + TimeSpan.FromSeconds(10), until);
        Assert.Null(backoff.WaitUntil("c", crash, crash + TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Next_AfterTenMinutesRunning_ResetsToInitialDelay()
    {
        var backoff = new RestartBackoff();
        backoff.Next("c", T0);
        backoff.Next("c", T0 + TimeSpan.FromSeconds(10));
        backoff.Next("c", T0 + TimeSpan.FromSeconds(30));

        var late = T0 + TimeSpan.FromMinutes(11);
        var wait = backoff.WaitUntil("c", late, late);
        backoff.Next("c", late);

        Assert.Null(wait);
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Delay("c"));
    }

    [Fact]
    public void Resume_AfterThreeRestarts_WaitsWhatIsLeftOfTheFortySeconds()
    {
        // An earlier agent restarted the container three times, the last for a failure at T0; it crashed again at T0+5s.
        var backoff = new RestartBackoff();
        var crash = T0 + TimeSpan.FromSeconds(5);

        backoff.Resume("c", 3, T0);

        Assert.Equal(TimeSpan.FromSeconds(40), backoff.Delay("c"));
        Assert.Equal(crash + TimeSpan.FromSeconds(40), backoff.WaitUntil("c", crash, crash + TimeSpan.FromSeconds(30)));
        Assert.Null(backoff.WaitUntil("c", crash, crash + TimeSpan.FromSeconds(40)));
    }

    [Fact]
    public void Resume_ThenNext_GoesOnDoubling()
    {
        var backoff = new RestartBackoff();
        backoff.Resume("c", 2, T0);

        backoff.Next("c", T0 + TimeSpan.FromSeconds(25));

        Assert.Equal(TimeSpan.FromSeconds(40), backoff.Delay("c"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(6, 300)]
    [InlineData(40, 300)]
    public void Resume_RestartCount_DelayOfThatManyRestarts(int restarts, int seconds)
    {
        var backoff = new RestartBackoff();

        backoff.Resume("c", restarts, T0);

        Assert.Equal(TimeSpan.FromSeconds(seconds), backoff.Delay("c"));
        Assert.Equal(restarts == 0, backoff.WaitUntil("c", T0, T0) is null);
    }

    [Fact]
    public void Resume_LastFailureOverTenMinutesBeforeTheCrash_RestartsImmediately()
    {
        var backoff = new RestartBackoff();
        backoff.Resume("c", 5, T0);

        var late = T0 + TimeSpan.FromMinutes(11);

        Assert.Null(backoff.WaitUntil("c", late, late));
    }
}
