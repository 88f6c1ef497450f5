using Microsoft.Extensions.Logging.Abstractions;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class HeartbeatSchedulerTests
{
    [Fact]
    public async Task TickAsync_ManyNodes_EachBeatsOncePerIntervalSpreadOverTicks()
    {
        await using var scheduler = new HeartbeatScheduler(TimeProvider.System, NullLogger<HeartbeatScheduler>.Instance);
        var beats = new int[25];
        var perTick = new List<int>();
        for (var i = 0; i < beats.Length; i++)
        {
            var node = i;
            scheduler.Register(_ => { Interlocked.Increment(ref beats[node]); return Task.CompletedTask; }, TimeSpan.FromSeconds(10), startLoop: false);
        }

        for (var tick = 0; tick < 10; tick++)
        {
            var before = beats.Sum();
            await scheduler.TickAsync(TestContext.Current.CancellationToken);
            perTick.Add(beats.Sum() - before);
        }

        Assert.All(beats, b => Assert.Equal(1, b));
        Assert.True(perTick.Max() <= 3, string.Join(",", perTick));
    }

    [Fact]
    public async Task Register_Disposed_StopsBeating()
    {
        await using var scheduler = new HeartbeatScheduler(TimeProvider.System, NullLogger<HeartbeatScheduler>.Instance);
        var count = 0;
        var registration = scheduler.Register(_ => { count++; return Task.CompletedTask; }, TimeSpan.FromSeconds(1), startLoop: false);
        await scheduler.TickAsync(TestContext.Current.CancellationToken);

        registration.Dispose();
        await scheduler.TickAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, count);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public async Task TickAsync_BeatThrows_OthersStillRun()
    {
        await using var scheduler = new HeartbeatScheduler(TimeProvider.System, NullLogger<HeartbeatScheduler>.Instance);
        var ran = false;
        scheduler.Register(_ => throw new InvalidOperationException("down"), TimeSpan.FromSeconds(1), startLoop: false);
        scheduler.Register(_ => { ran = true; return Task.CompletedTask; }, TimeSpan.FromSeconds(1), startLoop: false);

        await scheduler.TickAsync(TestContext.Current.CancellationToken);

        Assert.True(ran);
    }
}
