namespace SuperKube.CustomResources.Cel;

/// <summary>The kinds of CEL tokens.</summary>
internal enum CelTokenKind
{
    End,
    Int,
    Uint,
    Double,
    String,
    Ident,
    Punct,
}
