namespace SuperKube.CustomResources.Cel;

/// <summary>One CEL token: its kind, its text (identifiers, punctuation), its literal value, and where it starts.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, object? Value, int Position)
{
    public bool Is(string punct) => Kind == CelTokenKind.Punct && Text == punct;
}
