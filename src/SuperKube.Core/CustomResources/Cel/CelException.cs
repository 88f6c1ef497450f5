namespace SuperKube.CustomResources.Cel;

/// <summary>
/// A CEL compile error (with the 0-based <see cref="Position"/> in the expression) or an evaluation error. Evaluation
/// errors are values in CEL: <c>&amp;&amp;</c>, <c>||</c> and the quantifier macros absorb them when the other side decides
/// the result. A <see cref="Fatal"/> error (the cost budget ran out) is never absorbed.
/// </summary>
internal sealed class CelException : Exception
{
    public CelException(string message, int position = -1, bool fatal = false)
        : base(message)
    {
        Position = position;
        Fatal = fatal;
    }

    public CelException() : this("CEL error") { }

    public CelException(string message, Exception inner) : base(message, inner) => Position = -1;

    /// <summary>Where in the expression the error is (compile errors), or -1.</summary>
    public int Position { get; }

    /// <summary>True when evaluation must stop (cost budget exceeded).</summary>
    public bool Fatal { get; }
}
