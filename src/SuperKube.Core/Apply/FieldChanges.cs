namespace SuperKube.Apply;

/// <summary>What a write changed, as field sets: paths that appeared, disappeared, or got another value.</summary>
internal sealed record FieldChanges(FieldSet Added, FieldSet Removed, FieldSet Modified)
{
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Modified.IsEmpty;

    /// <summary>Paths written with a value: added or modified.</summary>
    public FieldSet Set => Added.Union(Modified);
}
