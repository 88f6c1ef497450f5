using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.DependencyInjection;

namespace SuperKube.Services.Tests;

/// <summary>An in-process server on SQLite (in memory, or a file to test restarts), driven through the in-process client.</summary>
internal sealed class ServiceTestHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly IHost _host;

    private ServiceTestHost(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IKubernetesClient>();
    }

    public IKubernetesClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<ServiceTestHost> StartAsync(string database = ":memory:", Action<ISuperKubeBuilder>? configure = null, Action<ServiceNetworkOptions>? network = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var superKube = builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = database);
        builder.Services.Configure<ServiceNetworkOptions>(o => network?.Invoke(o));
        configure?.Invoke(superKube);
        var host = builder.Build();
        await host.StartAsync();
        return new ServiceTestHost(host);
    }

    public Task<JsonObject> CreateAsync(ApiResource resource, string json, string ns = "default") =>
        Client.CreateAsync(resource, ns, JsonNode.Parse(json)!.AsObject(), default);

    public Task<JsonObject> ServiceAsync(string name, string spec, string ns = "default") =>
        CreateAsync(ApiResource.Services, $$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"{{name}}"},"spec":{{spec}}}""", ns);

    public async Task<ApiException> InvalidAsync(string name, string spec)
    {
        var error = await Assert.ThrowsAsync<ApiException>(() => ServiceAsync(name, spec));
        Assert.Equal(422, error.Code);
        return error;
    }

    /// <summary>Polls until <paramref name="read"/> returns a value <paramref name="condition"/> accepts.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"{what} did not happen: {value}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
