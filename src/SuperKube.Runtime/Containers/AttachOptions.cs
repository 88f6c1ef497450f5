namespace SuperKube.Runtime.Containers;

/// <summary>Which streams of a container's main process to attach to.</summary>
public sealed record AttachOptions
{
    public bool Stdin { get; init; }

    public bool Stdout { get; init; } = true;

    public bool Stderr { get; init; } = true;

    public bool Tty { get; init; }
}
