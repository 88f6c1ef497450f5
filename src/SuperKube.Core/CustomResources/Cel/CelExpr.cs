namespace SuperKube.CustomResources.Cel;

/// <summary>
/// One node of a parsed CEL expression. A single shape serves every <see cref="CelExprKind"/>: the fields a kind does
/// not use stay null. <see cref="Position"/> is the 0-based offset in the source, for error messages.
/// </summary>
internal sealed record CelExpr(CelExprKind Kind, int Position)
{
    public string? Name { get; init; }

    public object? Value { get; init; }

    public CelExpr? Target { get; init; }

    public IReadOnlyList<CelExpr> Args { get; init; } = [];

    public string? Variable { get; init; }

    public bool Optional { get; init; }
}
