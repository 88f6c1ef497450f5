namespace SuperKube.Runtime.Containers;

/// <summary>A terminal size in characters, as sent on the resize channel.</summary>
public readonly record struct TerminalSize(ushort Width, ushort Height);
