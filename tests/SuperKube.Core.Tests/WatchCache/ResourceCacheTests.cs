using System.Text;
using SuperKube.Storage;

namespace SuperKube.WatchCache.Tests;

public sealed class ResourceCacheTests
{
    [Fact]
    public void Watch_FromRetainedRevision_ReplaysLaterEventsInOrder()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        Apply(cache, 1, ChangeType.Added, "a");
        Apply(cache, 2, ChangeType.Added, "b");
        Apply(cache, 3, ChangeType.Modified, "a");

        using var watcher = cache.Watch(null, afterRevision: 1);

        Assert.Equal([2L, 3L], Drain(watcher).Select(e => e.Revision));
        Assert.Empty(watcher.Initial);
    }

    [Fact]
    public void Watch_FromRevisionOlderThanHistory_ThrowsCompacted()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 2);
        Apply(cache, 1, ChangeType.Added, "a");
        Apply(cache, 2, ChangeType.Added, "b");
        Apply(cache, 3, ChangeType.Added, "c");

        var error = Assert.Throws<RevisionCompactedException>(() => cache.Watch(null, afterRevision: 0));

        Assert.Equal(1, error.Compacted);
        using var ok = cache.Watch(null, afterRevision: 1);
        Assert.Equal([2L, 3L], Drain(ok).Select(e => e.Revision));
    }

    [Fact]
    public void Watch_WithoutRevision_StartsWithCurrentObjectsThenLiveEvents()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        Apply(cache, 1, ChangeType.Added, "a");
        Apply(cache, 2, ChangeType.Added, "b");
        Apply(cache, 3, ChangeType.Deleted, "a");

        using var watcher = cache.Watch(null, afterRevision: null);
        Apply(cache, 4, ChangeType.Added, "c");

        Assert.Equal(["b"], watcher.Initial.Select(o => o.Key.Name));
        Assert.Equal([4L], Drain(watcher).Select(e => e.Revision));
    }

    [Fact]
    public void Watch_Namespaced_SeesOnlyItsNamespace()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        using var watcher = cache.Watch("ns1", afterRevision: 0);

        Apply(cache, 1, ChangeType.Added, "a", "ns1");
        Apply(cache, 2, ChangeType.Added, "b", "ns2");

        Assert.Equal(["a"], Drain(watcher).Select(e => e.Object.Key.Name));
    }

    [Fact]
    public void Event_Frame_IsSerialisedOnceAndShared()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        using var first = cache.Watch(null, 0);
        using var second = cache.Watch(null, 0);

        Apply(cache, 1, ChangeType.Added, "a");

        var a = Drain(first).Single();
        var b = Drain(second).Single();
        Assert.Same(a, b);
        Assert.Same(a.Frame, b.Frame);
        Assert.StartsWith("{\"type\":\"ADDED\",\"object\":{", Encoding.UTF8.GetString(a.Frame));
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(a.Frame));
    }

    [Fact]
    public void List_ReturnsObjectsSortedByNamespaceAndName()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        Apply(cache, 1, ChangeType.Added, "b", "ns2");
        Apply(cache, 2, ChangeType.Added, "z", "ns1");
        Apply(cache, 3, ChangeType.Added, "a", "ns2");

        var listed = cache.List(null).Select(o => $"{o.Key.Namespace}/{o.Key.Name}");

        Assert.Equal(["ns1/z", "ns2/a", "ns2/b"], listed);
        Assert.Equal(["a", "b"], cache.List("ns2").Select(o => o.Key.Name));
    }

    [Fact]
    public void CachedObject_Labels_AreReadFromJson()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        Apply(cache, 1, ChangeType.Added, "a", labels: "{\"app\":\"web\",\"tier\":\"fe\"}");

        var obj = cache.Get("", "a")!;

        Assert.Equal("web", obj.Labels["app"]);
        Assert.Equal(2, obj.Labels.Count);
    }

    [Fact]
    public void StoreOnly_KeepsNoObjectsButReplaysHistoryAfterTheInitialObjectsGiven()
    {
        var cache = new ResourceCache("/events", horizon: 0, historyCapacity: 100, keepsObjects: false);
        Apply(cache, 1, ChangeType.Added, "a");
        var listed = new CachedObject(new StoredObject(new ObjectKey("/events", "", "a"), 1, "{\"metadata\":{\"name\":\"a\"}}"u8.ToArray()));
        Apply(cache, 2, ChangeType.Added, "b");

        using var watcher = cache.Watch(null, afterRevision: 1, [listed]);
        Apply(cache, 3, ChangeType.Modified, "a");

        Assert.Same(listed, Assert.Single(watcher.Initial));
        var events = Drain(watcher);
        Assert.Equal([2L, 3L], events.Select(e => e.Revision));
        Assert.All(events, e => Assert.Null(e.Previous));
        Assert.Throws<InvalidOperationException>(() => cache.Get("", "a"));
        Assert.Throws<InvalidOperationException>(() => cache.List(null));
        Assert.Throws<InvalidOperationException>(() => cache.Watch(null, afterRevision: null));
    }

    [Fact]
    public void CachedObject_LabelsOfTwoObjects_ShareKeyAndValueInstances()
    {
        var cache = new ResourceCache("/things", horizon: 0, historyCapacity: 100);
        Apply(cache, 1, ChangeType.Added, "a", labels: "{\"app\":\"web\"}");
        Apply(cache, 2, ChangeType.Added, "b", labels: "{\"app\":\"web\"}");

        var a = cache.Get("", "a")!.Labels.Single();
        var b = cache.Get("", "b")!.Labels.Single();

        Assert.Same(a.Key, b.Key);
        Assert.Same(a.Value, b.Value);
    }

    [Fact]
    public void CachedObject_SelectableFieldsOfTwoVersionsWithDifferentFields_EachReadCorrectly()
    {
        var types = SuperKube.Registry.BuiltInResources.Create().Where(t => t.Plural == "events").ToList();
        var core = types.Single(t => t.Group.Length == 0);
        var events = types.Single(t => t.Group == "events.k8s.io");
        var json = """{"metadata":{"name":"e"},"involvedObject":{"name":"pod-a"},"reason":"Started","type":"Normal"}"""u8.ToArray();
        var obj = new CachedObject(new StoredObject(new ObjectKey("/events", "ns", "e"), 1, json));

        Assert.Equal("", obj.SelectableField(events, "reason")); // events.k8s.io selects no extra fields
        Assert.Equal("pod-a", obj.SelectableField(core, "involvedObject.name"));
        Assert.Equal("Started", obj.SelectableField(core, "reason"));
        Assert.Equal("Normal", obj.SelectableField(core, "type"));
        Assert.Equal("", obj.SelectableField(core, "no.such.field"));
    }

    private static void Apply(ResourceCache cache, long revision, ChangeType type, string name, string ns = "", string labels = "{}")
    {
        var json = Encoding.UTF8.GetBytes($"{{\"metadata\":{{\"name\":\"{name}\",\"labels\":{labels},\"resourceVersion\":\"{revision}\"}}}}");
        var stored = new StoredObject(new ObjectKey("/configmaps", ns, name), revision, json);
        cache.Apply(new StoredChange(revision, type, stored), () => { });
    }

    private static List<CacheEvent> Drain(CacheWatcher watcher)
    {
        var events = new List<CacheEvent>();
        while (watcher.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
