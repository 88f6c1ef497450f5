namespace SuperKube.Streaming;

/// <summary>The query of <c>pods/exec</c> and <c>pods/attach</c>: the command and which streams to connect.</summary>
public sealed record PodProcessOptions
{
    /// <summary>The command line (exec); empty for attach.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Connect standard input. Default false.</summary>
    public bool Stdin { get; init; }

    /// <summary>Connect standard output. Default false.</summary>
    public bool Stdout { get; init; }

    /// <summary>Connect standard error (never with <see cref="Tty"/>). Default false.</summary>
    public bool Stderr { get; init; }

    /// <summary>Run in a terminal (stderr merged into stdout). Default false.</summary>
    public bool Tty { get; init; }
}
