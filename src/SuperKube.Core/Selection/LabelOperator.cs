namespace SuperKube.Selection;

/// <summary>The operator of one label selector requirement.</summary>
internal enum LabelOperator
{
    /// <summary><c>k=v</c>.</summary>
    Equals,

    /// <summary><c>k==v</c>.</summary>
    DoubleEquals,

    /// <summary><c>k!=v</c>: matches when the label is absent or differs.</summary>
    NotEquals,

    /// <summary><c>k in (a,b)</c>.</summary>
    In,

    /// <summary><c>k notin (a,b)</c>: matches when the label is absent or has none of the values.</summary>
    NotIn,

    /// <summary><c>k</c>.</summary>
    Exists,

    /// <summary><c>!k</c>.</summary>
    DoesNotExist,

    /// <summary><c>k&gt;n</c>: the label is an integer greater than n.</summary>
    GreaterThan,

    /// <summary><c>k&lt;n</c>: the label is an integer less than n.</summary>
    LessThan,
}
