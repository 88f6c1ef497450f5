namespace SuperKube.Apply;

/// <summary>What a write changed, as field sets: paths that appeared, disappeared, or got another value.</summary>
internal sealed record FieldChanges(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Modified.IsEmpty;

    /// <summary>Paths written with a value: added or modified.</summary>
    public FieldSet Set => _set ??= Added.Union(Modified);

    /// <summary>Computed once: every ownership step reads it. Sets are not modified once built.</summary>
    private FieldSet? _set;
}
