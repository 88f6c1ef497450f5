using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Informers.Tests;

public sealed class InformerTests
{
    private readonly ScriptedKubernetesClient _client = new();
    private readonly List<string> _events = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_WatchExpires_RelistsAndReportsTheDifference()
    {
        _client.EnqueueList("2", Pod("a", 1), Pod("b", 2));
        var first = _client.EnqueueWatch();
        first.Writer.TryWrite(new WatchEvent("MODIFIED", Pod("a", 3)));
        first.Writer.TryComplete(ApiException.Expired("too old resource version: 2 (9)"));
        _client.EnqueueList("9", Pod("a", 3), Pod("c", 5));
        _client.EnqueueWatch();
        var informer = NewInformer();

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = informer.RunAsync(cts.Token);
        await _client.WaitForCallAsync("watch 9", Ct);
        await cts.CancelAsync();
        await loop;

        Assert.Equal(["list", "watch 2", "list", "watch 9"], _client.Calls);
        Assert.Equal(["add a", "add b", "update a 1->3", "add c", "delete b"], _events);
        Assert.Equal(["a", "c"], informer.Lister.List("ns").Select(p => p.Metadata!.Name).Order());
        Assert.Equal(9, informer.Lister.Revision);
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public async Task RunAsync_WatchStreamEnds_RewatchesFromLastRevisionWithoutRelisting()
    {
        _client.EnqueueList("2", Pod("a", 2));
        var first = _client.EnqueueWatch();
        first.Writer.TryWrite(new WatchEvent("ADDED", Pod("b", 4)));
        first.Writer.TryWrite(new WatchEvent("DELETED", Pod("a", 5)));
        first.Writer.TryComplete();
        _client.EnqueueWatch();
        var informer = NewInformer();

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = informer.RunAsync(cts.Token);
        await _client.WaitForCallAsync("watch 5", Ct);
        await cts.CancelAsync();
        await loop;

        Assert.Equal(["list", "watch 2", "watch 5"], _client.Calls);
        Assert.Equal(["add a", "add b", "delete a"], _events);
        Assert.Null(informer.Lister.Get("ns", "a"));
    }

    [Fact]
    public async Task AddHandler_AfterSync_ReplaysCachedObjectsAsAdds()
    {
        _client.EnqueueList("1", Pod("a", 1));
        _client.EnqueueWatch();
        var informer = new Informer<Pod>(_client, TimeProvider.System, NullLogger.Instance);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(Ct);

        var seen = new List<string>();
        using (informer.AddHandler(p => seen.Add(p.Metadata!.Name!), null, null))
        {
            await cts.CancelAsync();
            await loop;
        }

        Assert.Equal(["a"], seen);
    }

    [Fact]
    public async Task Lister_ControllerUidIndex_FindsOwnedObjects()
    {
        var owned = Pod("a", 1);
        owned["metadata"]!["ownerReferences"] = JsonNode.Parse("""[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u1","controller":true}]""");
        _client.EnqueueList("1", owned, Pod("b", 1));
        _client.EnqueueWatch();
        var informer = NewInformer();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(Ct);
        await cts.CancelAsync();
        await loop;

        var byOwner = informer.Lister.ByIndex(InformerIndexes.ControllerUid, "u1");
        var orphans = informer.Lister.ByIndex(InformerIndexes.Orphans, "ns");

        Assert.Equal("a", Assert.Single(byOwner).Metadata!.Name);
        Assert.Equal("b", Assert.Single(orphans).Metadata!.Name);
    }

    private Informer<Pod> NewInformer()
    {
        var informer = new Informer<Pod>(_client, TimeProvider.System, NullLogger.Instance);
        informer.AddHandler(
            p => _events.Add("add " + p.Metadata!.Name),
            (old, p) => _events.Add($"update {p.Metadata!.Name} {old.Metadata!.ResourceVersion}->{p.Metadata.ResourceVersion}"),
            p => _events.Add("delete " + p.Metadata!.Name));
        return informer;
    }

    private static JsonObject Pod(string name, int revision) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "ns", ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
