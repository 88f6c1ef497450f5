namespace SuperKube.CustomResources.Cel;

/// <summary>The node kinds of a parsed CEL expression.</summary>
internal enum CelExprKind
{
    /// <summary>A constant: long, ulong, double, string, bool or null.</summary>
    Literal,

    /// <summary>A variable (<c>self</c>, <c>oldSelf</c>, a macro variable) or a type name.</summary>
    Ident,

    /// <summary><c>Target.Name</c>, or <c>Target.?Name</c> when Optional.</summary>
    Select,

    /// <summary><c>Target[Args[0]]</c>, or <c>Target[?Args[0]]</c> when Optional.</summary>
    Index,

    /// <summary>A function or operator (<c>_+_</c>, <c>!_</c>, <c>_&amp;&amp;_</c>, <c>_?_:_</c>); Target is the receiver of member calls.</summary>
    Call,

    /// <summary>A list literal of Args.</summary>
    List,

    /// <summary>A map literal; Args alternate key and value.</summary>
    Map,

    /// <summary><c>has(Target.Name)</c>.</summary>
    Has,

    /// <summary>A macro over Target (all, exists, exists_one, map, filter) binding Variable in Args.</summary>
    Comprehension,
}
