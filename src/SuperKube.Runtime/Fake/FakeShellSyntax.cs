namespace SuperKube.Runtime.Fake;

/// <summary>The statements of the small shell language the Fake runtime interprets.</summary>
internal static class FakeShellSyntax
{
    internal abstract record Node;

    /// <summary>A command with its words, and an optional output redirection (<c>&gt; file</c>, <c>&gt;&gt; file</c>).</summary>
    internal sealed record Command(IReadOnlyList<string> Words, string? RedirectTo = null, bool Append = false) : Node;

    internal sealed record Sequence(IReadOnlyList<Node> Items) : Node;

    /// <summary><c>left &amp;&amp; right</c> (<see cref="And"/>) or <c>left || right</c>.</summary>
    internal sealed record Conditional(Node Left, bool And, Node Right) : Node;

    internal sealed record While(Node Condition, Node Body) : Node;

    internal sealed record If(Node Condition, Node Then, Node? Else) : Node;
}
