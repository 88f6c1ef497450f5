namespace SuperKube.Controllers;

/// <summary>A controller instance as the <see cref="ControllerManager"/> runs it.</summary>
internal interface IManagedController : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Watches, queues and reconciles until <paramref name="stopping"/> fires, then shuts down gracefully.</summary>
    Task RunAsync(CancellationToken stopping);
}
