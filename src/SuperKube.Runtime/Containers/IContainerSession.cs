namespace SuperKube.Runtime.Containers;

/// <summary>
/// A process's streams during exec or attach. Write to <see cref="Stdin"/> and dispose it (or call
/// <see cref="Stream.Dispose()"/>) to close stdin; read <see cref="Stdout"/> and <see cref="Stderr"/> to their end;
/// <see cref="ExitCode"/> completes when the process ends.
/// </summary>
public interface IContainerSession : IAsyncDisposable
{
    /// <summary>The process's standard input, or null when not requested.</summary>
    Stream? Stdin { get; }

    /// <summary>Standard output (with a TTY, the terminal's output), or null when not requested.</summary>
    Stream? Stdout { get; }

    /// <summary>Standard error, or null when not requested or with a TTY.</summary>
    Stream? Stderr { get; }

    /// <summary>The process's exit code.</summary>
    Task<int> ExitCode { get; }

    /// <summary>Changes the terminal size (TTY sessions; ignored otherwise).</summary>
    ValueTask ResizeAsync(TerminalSize size, CancellationToken cancellationToken);
}
