namespace SuperKube.Storage.Tests;

public sealed class ChangeBroadcasterTests
{
    [Fact]
    public void Publish_TwoSubscribers_EachReceivesChangesInOrder()
    {
        var broadcaster = new ChangeBroadcaster();
        using var first = broadcaster.Subscribe();
        using var second = broadcaster.Subscribe();

        broadcaster.Publish([Change(1), Change(2)]);
        broadcaster.Publish([Change(3)]);

        Assert.Equal([1L, 2L, 3L], Drain(first));
        Assert.Equal([1L, 2L, 3L], Drain(second));
    }

    [Fact]
    public void Publish_AfterSubscriptionDisposed_DeliversNothingAndCompletesIt()
    {
        var broadcaster = new ChangeBroadcaster();
        var subscription = broadcaster.Subscribe();

        subscription.Dispose();
        broadcaster.Publish([Change(1)]);

        Assert.Empty(Drain(subscription));
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Complete_CurrentAndLaterSubscriptions_AreCompleted()
    {
        var broadcaster = new ChangeBroadcaster();
        using var before = broadcaster.Subscribe();

        broadcaster.Complete();
        using var after = broadcaster.Subscribe();

        Assert.True(before.Reader.Completion.IsCompleted);
        Assert.True(after.Reader.Completion.IsCompleted);
    }

    private static StoredChange Change(long revision) =>
        new(revision, ChangeType.Added, new StoredObject(new ObjectKey("things", "", "a"), revision, "{}"u8.ToArray()));

    private static List<long> Drain(ChangeBroadcaster.Subscription subscription)
    {
        var revisions = new List<long>();
        while (subscription.Reader.TryRead(out var change))
        {
            revisions.Add(change.Revision);
        }

        return revisions;
    }
}
