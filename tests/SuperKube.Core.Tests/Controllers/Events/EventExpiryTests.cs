using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Storage.Sqlite;

namespace SuperKube.Controllers.Events.Tests;

public sealed class EventExpiryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_EventsLastSeenBeforeTheTtl_DeletedOthersKept()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory);
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();
        var now = DateTimeOffset.UtcNow;
        await client.CreateAsync(ApiResource.Events, "default", Event("stale", now), Ct);
        await client.CreateAsync(ApiResource.Events, "default", Event("recent", now.AddMinutes(90)), Ct);
        var later = new ShiftedTime(TimeSpan.FromHours(2)); // two hours on: "stale" was last seen (created) two hours ago

        var expiry = new EventExpiry(client, Options.Create(new EventExpiryOptions()), later, NullLogger<EventExpiry>.Instance);
        var deleted = await expiry.SweepAsync(Ct);
        var left = (await client.ListAsync(ApiResource.Events, "default", null, Ct)).Items.Select(ObjectMetadata.Name).ToList();
        await host.StopAsync(Ct);

        Assert.Equal(1, deleted);
        Assert.Equal(["recent"], left);
    }

    private static JsonObject Event(string name, DateTimeOffset lastSeen) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["involvedObject"] = new JsonObject { ["kind"] = "Pod", ["name"] = "p", ["namespace"] = "default" },
        ["reason"] = "Test",
        ["message"] = "m",
        ["type"] = "Normal",
        ["lastTimestamp"] = ObjectMetadata.Timestamp(lastSeen),
    };

    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
