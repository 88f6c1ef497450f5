using Microsoft.Extensions.Hosting;

namespace SuperKube.Storage;

/// <summary>
/// Initialises the <see cref="IResourceStore"/> (schema, counters) while the host is starting, before any hosted
/// service's StartAsync runs, so controllers and the API server always find a ready store.
/// </summary>
internal sealed class StorageInitializer(IResourceStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
