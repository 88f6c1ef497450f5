namespace SuperKube.Runtime.Docker;

/// <summary>Which streams a Docker exec/attach session connects, and whether the process has a terminal.</summary>
internal sealed record DockerSessionStreams(bool Stdin, bool Stdout, bool Stderr, bool Tty);
