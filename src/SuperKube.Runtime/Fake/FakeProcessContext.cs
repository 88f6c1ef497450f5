namespace SuperKube.Runtime.Fake;

/// <summary>What a fake process sees: files, environment, host name, clock, standard streams.</summary>
internal sealed record FakeProcessContext
{
    public required FakeFileSystem Files { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string Hostname { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Writes output text; the flag is true for standard error.</summary>
    public required Func<string, bool, ValueTask> Write { get; init; }

    public TextReader? Stdin { get; init; }

    /// <summary>
    /// True for a container's main process: a program the shell does not know (a server such as <c>nginx</c>) then
    /// runs until stopped. False for exec, where it fails with 127 as "not found".
    /// </summary>
    public bool UnknownRunsForever { get; init; }
}
