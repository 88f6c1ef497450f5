using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>An exec or attach session of the Fake runtime: in-memory pipes and the process's exit code.</summary>
internal sealed class FakeSession(Stream? stdin, Stream? stdout, Stream? stderr, Task<int> exitCode, CancellationTokenSource? process) : IContainerSession
{
    public Stream? Stdin { get; } = stdin;

    public Stream? Stdout { get; } = stdout;

    public Stream? Stderr { get; } = stderr;

    public Task<int> ExitCode { get; } = exitCode;

    /// <summary>The last size set, for tests.</summary>
    public TerminalSize? Size { get; private set; }

    public ValueTask ResizeAsync(TerminalSize size, CancellationToken cancellationToken)
    {
        Size = size;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.CancelAsync().ConfigureAwait(false);
            process.Dispose();
        }

        foreach (var stream in new[] { Stdin, Stdout, Stderr })
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
