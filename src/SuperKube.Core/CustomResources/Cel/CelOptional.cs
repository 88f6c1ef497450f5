namespace SuperKube.CustomResources.Cel;

/// <summary>A CEL optional value: <c>optional.none()</c>, or <c>optional.of(Value)</c> when <see cref="HasValue"/>.</summary>
internal sealed record CelOptional(bool HasValue, object? Value)
{
    public static readonly CelOptional None = new(false, null);
}
