using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Storage;
using SuperKube.Storage.Sqlite;

namespace SuperKube.DependencyInjection.Tests;

public sealed class SqliteSuperKubeBuilderExtensionsTests
{
    [Fact]
    public void AddSqliteStorage_CalledTwice_RegistersServicesOnce()
    {
        var once = new ServiceCollection();
        new SuperKubeBuilder(once).AddSqliteStorage();
        var twice = new ServiceCollection();

        new SuperKubeBuilder(twice).AddSqliteStorage().AddSqliteStorage();

        Assert.Equal(Describe(once), Describe(twice));
        Assert.Single(twice, d => d.ServiceType == typeof(IResourceStore));
        Assert.Contains(twice, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageInitializer));
        Assert.Contains(twice, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CompactionService));
    }

    [Fact]
    public void AddSqliteStorage_OtherBackendRegistered_ThrowsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IResourceStore>(_ => throw new InvalidOperationException("never built"));

        var error = Assert.Throws<InvalidOperationException>(() => new SuperKubeBuilder(services).AddSqliteStorage());

        Assert.Contains("storage backend", error.Message);
    }

    [Fact]
    public async Task AddSqliteStorage_HostStarted_StoreIsInitialisedAndUsable()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new SuperKubeBuilder(builder.Services).AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory);
        using var host = builder.Build();
        var ct = TestContext.Current.CancellationToken;

        await host.StartAsync(ct);
        var store = host.Services.GetRequiredService<IResourceStore>();
        var created = await store.CreateAsync(new ObjectKey("things", "", "a"), """{"metadata":{"name":"a"}}"""u8.ToArray(), ct);
        await host.StopAsync(ct);

        Assert.Equal(1, created.Revision);
    }

    [Fact]
    public async Task AddSqliteStorage_InvalidOptions_FailsHostStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new SuperKubeBuilder(builder.Services).AddSqliteStorage(o => o.Path = "");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("SqliteStorageOptions.Path", error.Message);
    }

    private static string[] Describe(IServiceCollection services) =>
        services.Select(d => $"{d.ServiceType} {d.ImplementationType} {d.Lifetime}").ToArray();
}
