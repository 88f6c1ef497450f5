namespace SuperKube.Selection;

/// <summary>The operator of one field selector requirement.</summary>
internal enum FieldOperator
{
    /// <summary><c>field=value</c>.</summary>
    Equals,

    /// <summary><c>field==value</c>.</summary>
    DoubleEquals,

    /// <summary><c>field!=value</c>.</summary>
    NotEquals,
}
