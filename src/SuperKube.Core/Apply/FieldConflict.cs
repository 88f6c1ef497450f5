namespace SuperKube.Apply;

/// <summary>A field an apply would change that another manager owns.</summary>
/// <param name="Owner">The manager that owns the field.</param>
/// <param name="Path">The field's path elements.</param>
internal sealed record FieldConflict(ManagerEntry Owner, IReadOnlyList<string> Path)
{
    /// <summary>The path as conflict messages print it: <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public string Field => string.Concat(Path.Select(PathElement.Describe));
}
