namespace SuperKube.Runtime.Containers;

/// <summary>A command to run in a container, and which of its streams to connect.</summary>
public sealed record ExecOptions
{
    public required IReadOnlyList<string> Command { get; init; }

    public bool Stdin { get; init; }

    public bool Stdout { get; init; } = true;

    /// <summary>Separate standard error; ignored with <see cref="Tty"/> (a terminal merges it into stdout).</summary>
    public bool Stderr { get; init; } = true;

    public bool Tty { get; init; }
}
