namespace SuperKube.Streaming;

/// <summary>A process in a pod's container during exec or attach.</summary>
public interface IPodProcess : IAsyncDisposable
{
    /// <summary>Standard input (dispose to close it), or null when not requested.</summary>
    Stream? Stdin { get; }

    /// <summary>Standard output (the terminal with a TTY), or null when not requested.</summary>
    Stream? Stdout { get; }

    /// <summary>Standard error, or null when not requested or with a TTY.</summary>
    Stream? Stderr { get; }

    /// <summary>Completes with the exit code when the process ends.</summary>
    Task<int> ExitCode { get; }

    /// <summary>Changes the terminal size (ignored without a TTY).</summary>
    ValueTask ResizeAsync(ushort width, ushort height, CancellationToken cancellationToken);
}
