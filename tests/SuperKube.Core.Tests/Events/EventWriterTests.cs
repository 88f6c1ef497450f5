using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Storage.Sqlite;

namespace SuperKube.Events.Tests;

public sealed class EventWriterTests : IAsyncLifetime
{
    private static readonly InvolvedObject Rs = new("apps/v1", "ReplicaSet", "default", "web-1", "uid-1", "7");
    private IHost? _host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IKubernetesClient Client => _host!.Services.GetRequiredService<IKubernetesClient>();

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory);
        _host = builder.Build();
        await _host.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host!.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    [Fact]
    public async Task Record_SameReasonAndMessageTwice_OneEventWithCountTwo()
    {
        var writer = Writer("replicaset-controller");

        await writer.RecordAsync(Rs, EventWriter.Normal, "SuccessfulCreate", "Created pod: web-1-a", Ct);
        await writer.RecordAsync(Rs, EventWriter.Normal, "SuccessfulCreate", "Created pod: web-1-a", Ct);
        await writer.RecordAsync(Rs, EventWriter.Normal, "SuccessfulCreate", "Created pod: web-1-b", Ct);

        var events = await EventsAsync();
        Assert.Equal(2, events.Count);
        var repeated = Assert.Single(events, e => (string?)e["message"] == "Created pod: web-1-a");
        Assert.Equal(2, (int?)repeated["count"]);
        Assert.Equal("replicaset-controller", (string?)repeated["source"]?["component"]);
        Assert.Equal("uid-1", (string?)repeated["involvedObject"]?["uid"]);
        Assert.StartsWith("web-1.", ObjectMetadata.Name(repeated), StringComparison.Ordinal);
        Assert.Equal(1, (int?)events.Single(e => (string?)e["message"] == "Created pod: web-1-b")["count"]);
    }

    [Fact]
    public async Task Record_SameMessageForAnotherContainerOrAfterForget_CountedSeparately()
    {
        var writer = Writer("kubelet");
        var app = Rs with { FieldPath = "spec.containers{app}" };
        var sidecar = Rs with { FieldPath = "spec.containers{sidecar}" };

        await writer.RecordAsync(app, EventWriter.Normal, "Pulled", "Container image already present on machine", Ct);
        await writer.RecordAsync(sidecar, EventWriter.Normal, "Pulled", "Container image already present on machine", Ct);
        await writer.RecordAsync(app, EventWriter.Normal, "Pulled", "Container image already present on machine", Ct);
        writer.Forget("uid-1");
        await writer.RecordAsync(app, EventWriter.Normal, "Pulled", "Container image already present on machine", Ct);

        var counts = (await EventsAsync())
            .Select(e => ((string?)e["involvedObject"]?["fieldPath"], (int?)e["count"]))
            .Order()
            .ToList();
        Assert.Equal([("spec.containers{app}", 1), ("spec.containers{app}", 2), ("spec.containers{sidecar}", 1)], counts);
    }

    [Fact]
    public async Task Record_RepeatAfterTheEventWasDeleted_CreatedAnew()
    {
        var writer = Writer("replicaset-controller");
        await writer.RecordAsync(Rs, EventWriter.Warning, "FailedCreate", "quota", Ct);
        var first = Assert.Single(await EventsAsync());
        await Client.DeleteAsync(ApiResource.Events, "default", ObjectMetadata.Name(first), null, Ct);

        await writer.RecordAsync(Rs, EventWriter.Warning, "FailedCreate", "quota", Ct);

        var again = Assert.Single(await EventsAsync());
        Assert.Equal("Warning", (string?)again["type"]);
        Assert.Equal(2, (int?)again["count"]);
    }

    [Fact]
    public async Task Record_KubeletSourceAndFieldPath_WrittenAsTheKubeletDoes()
    {
        var writer = new EventWriter(Client, new EventSource("kubelet", "node-1"), TimeProvider.System, NullLogger.Instance);
        var pod = new InvolvedObject("v1", "Pod", "default", "p", "uid-p", "3", "spec.containers{app}");

        await writer.RecordAsync(pod, EventWriter.Normal, "Started", "Started container app", Ct);
        writer.Forget("uid-p");
        await writer.RecordAsync(pod, EventWriter.Normal, "Started", "Started container app", Ct);

        var events = await EventsAsync();
        Assert.Equal(2, events.Count); // forgotten: a new object, not a count
        Assert.All(events, e =>
        {
            Assert.Equal("node-1", (string?)e["source"]?["host"]);
            Assert.Equal("node-1", (string?)e["reportingInstance"]);
            Assert.Equal("spec.containers{app}", (string?)e["involvedObject"]?["fieldPath"]);
        });
    }

    private EventWriter Writer(string component) => new(Client, new EventSource(component), TimeProvider.System, NullLogger.Instance);

    private async Task<IReadOnlyList<JsonObject>> EventsAsync() => (await Client.ListAsync(ApiResource.Events, "default", null, Ct)).Items;
}
