using SuperKube.Runtime.Containers;
using SuperKube.Streaming;

namespace SuperKube.Runtime.Streaming;

/// <summary>An exec or attach session of the container runtime, seen as the API's <see cref="IPodProcess"/>.</summary>
internal sealed class RuntimeProcess(IContainerSession session) : IPodProcess
{
    private int _disposed;

    public Stream? Stdin => session.Stdin;

    public Stream? Stdout => session.Stdout;

    public Stream? Stderr => session.Stderr;

    public Task<int> ExitCode => session.ExitCode;

    public ValueTask ResizeAsync(ushort width, ushort height, CancellationToken cancellationToken) =>
        session.ResizeAsync(new TerminalSize(width, height), cancellationToken);

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? session.DisposeAsync() : ValueTask.CompletedTask;
}
