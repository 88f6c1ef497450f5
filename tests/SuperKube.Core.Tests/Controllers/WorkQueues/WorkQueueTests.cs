using SuperKube.Controllers.Tests;

namespace SuperKube.Controllers.WorkQueues.Tests;

public sealed class WorkQueueTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_SameItemTwiceWhileQueued_IsHandedOutOnce()
    {
        using var queue = NewQueue();

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        Assert.Equal(2, queue.Count);
        Assert.Equal(("a", false), await queue.GetAsync(Ct));
        Assert.Equal(("b", false), await queue.GetAsync(Ct));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Add_ItemBeingProcessed_IsNotHandedOutUntilDone()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(Ct);

        queue.Add("a");
        var second = queue.GetAsync(Ct).AsTask();

        Assert.Equal(0, queue.Count);
        Assert.False(second.IsCompleted);
        queue.Done(item);
        Assert.Equal(("a", false), await second.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task Done_ItemNotReAdded_IsNotQueuedAgain()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var (item, _) = await queue.GetAsync(Ct);

        queue.Done(item);

        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task GetAsync_EmptyQueue_WaitsForAdd()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(Ct).AsTask();

        Assert.False(waiting.IsCompleted);
        queue.Add("x");

        Assert.Equal(("x", false), await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task GetAsync_Cancelled_ThrowsAndLaterAddsGoToOtherWaiters()
    {
        using var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var cancelled = queue.GetAsync(cts.Token).AsTask();
        var other = queue.GetAsync(Ct).AsTask();

        await cts.CancelAsync();
        queue.Add("x");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(("x", false), await other.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task AddAfter_BeforeDelay_ItemIsNotAvailable()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(0, queue.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(("a", false), await queue.GetAsync(Ct));
    }

    [Fact]
    public void AddAfter_SameItemTwice_EarlierTimeWins()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(2));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, queue.Count);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddAfter_ZeroDelay_QueuesAtOnce()
    {
        using var queue = NewQueue();

        queue.AddAfter("a", TimeSpan.Zero);

        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void AddRateLimited_RepeatedFailures_DelayDoublesPerRetry()
    {
        using var queue = NewQueue();

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(4));
        var beforeFirst = queue.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var afterFirst = queue.Count;

        Assert.Equal((0, 1), (beforeFirst, afterFirst));
        Assert.Equal(1, queue.NumRequeues("a"));
    }

    [Fact]
    public async Task AddRateLimited_SecondRetry_WaitsTwiceTheBaseDelay()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        var (item, _) = await queue.GetAsync(Ct);
        queue.Done(item);

        queue.AddRateLimited("a");
        _time.Advance(TimeSpan.FromMilliseconds(9));

        Assert.Equal(0, queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(2, queue.NumRequeues("a"));
    }

    [Fact]
    public void Forget_AfterRetries_ResetsBackoff()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");
        queue.AddRateLimited("a");

        queue.Forget("a");

        Assert.Equal(0, queue.NumRequeues("a"));
    }

    [Fact]
    public async Task ShutDown_QueuedItems_AreStillHandedOutThenShutdownIsReported()
    {
        using var queue = NewQueue();
        queue.Add("a");

        queue.ShutDown();
        queue.Add("b");

        Assert.True(queue.IsShuttingDown);
        Assert.Equal(("a", false), await queue.GetAsync(Ct));
        Assert.True((await queue.GetAsync(Ct)).Shutdown);
    }

    [Fact]
    public async Task ShutDown_WaitingWorkers_AreReleased()
    {
        using var queue = NewQueue();
        var waiting = queue.GetAsync(Ct).AsTask();

        queue.ShutDown();

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Shutdown);
    }

    [Fact]
    public void ShutDown_PendingDelayedItems_AreDropped()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(1));

        queue.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentWorkers_NeverProcessOneItemTwiceAtOnce()
    {
        using var queue = NewQueue<int>();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var overlaps = 0;
        var processed = 0;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var (item, shutdown) = await queue.GetAsync(Ct);
                if (shutdown)
                {
                    return;
                }

                if (!inFlight.TryAdd(item, 1))
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                inFlight.TryRemove(item, out int _);
                Interlocked.Increment(ref processed);
                queue.Done(item);
            }
        }, Ct)).ToArray();

        for (var i = 0; i < 2000; i++)
        {
            queue.Add(i % 10);
        }

        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(0, overlaps);
        Assert.InRange(processed, 10, 2000);
    }

    private WorkQueue<T> NewQueue<T>() where T : notnull => new(_time, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));

    private WorkQueue<string> NewQueue() => NewQueue<string>();
}
