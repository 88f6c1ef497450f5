namespace SuperKube.Selection;

/// <summary>One term of a field selector, with its value unescaped.</summary>
internal sealed record FieldRequirement(string Field, FieldOperator Operator, string Value)
{
    /// <summary>True when the field's value (absent fields read as the empty string) satisfies the term.</summary>
    public bool Matches(string? actual) =>
        Operator == FieldOperator.NotEquals ? (actual ?? "") != Value : (actual ?? "") == Value;
}
