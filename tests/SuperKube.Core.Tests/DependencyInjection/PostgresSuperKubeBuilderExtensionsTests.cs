using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Controllers;
using SuperKube.Storage;
using SuperKube.Storage.Postgres;

namespace SuperKube.DependencyInjection.Tests;

public sealed class PostgresSuperKubeBuilderExtensionsTests
{
    [Fact]
    public void AddPostgresStorage_SqliteRegistered_ThrowsNamingTheBackend()
    {
        var services = new ServiceCollection();
        new SuperKubeBuilder(services).AddSqliteStorage();

        var error = Assert.Throws<InvalidOperationException>(() => new SuperKubeBuilder(services).AddPostgresStorage());

        Assert.Contains("storage backend", error.Message);
    }

    [Fact]
    public void AddPostgresStorage_CalledTwice_RegistersStoreAndCompactionOnce()
    {
        var services = new ServiceCollection();

        new SuperKubeBuilder(services).AddPostgresStorage().AddPostgresStorage();

        Assert.Single(services, d => d.ServiceType == typeof(IResourceStore) && d.ImplementationType == typeof(PostgresResourceStore));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CompactionService));
        Assert.Single(services, d => d.ServiceType == typeof(ICompactionSettings));
    }

    [Fact]
    public async Task AddPostgresStorage_MissingConnectionString_FailsHostStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new SuperKubeBuilder(builder.Services).AddPostgresStorage(o => o.PollInterval = TimeSpan.Zero);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("PostgresStorageOptions.ConnectionString", error.Message);
        Assert.Contains("PostgresStorageOptions.PollInterval", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddPostgresStorage_WithScheduler_LeaseManagerIsPostgresWhicheverComesFirst(bool storageFirst)
    {
        var services = new ServiceCollection();
        var builder = new SuperKubeBuilder(services);

        _ = storageFirst ? builder.AddPostgresStorage().AddScheduler() : builder.AddScheduler().AddPostgresStorage();
        builder.AddPostgresStorage();

        var lease = Assert.Single(services, d => d.ServiceType == typeof(ILeaseManager));
        Assert.NotNull(lease.ImplementationFactory);
        Assert.Single(services, d => d.ServiceType == typeof(PostgresServerRecord));
        Assert.Single(services, d => d.ServiceType == typeof(SuperKube.Bootstrap.IApiServerAddresses));
    }

    [Fact]
    public async Task AddPostgresStorage_BadLeaseOptions_FailsHostStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new SuperKubeBuilder(builder.Services).AddPostgresStorage(o => o.ConnectionString = "Host=127.0.0.1")
            .ConfigurePostgresLeases(o => o.RenewInterval = TimeSpan.FromMinutes(1));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("PostgresLeaseOptions.RenewInterval", error.Message);
    }
}
