namespace SuperKube.CustomResources.Cel;

/// <summary>A CEL type value, as <c>type(x)</c> returns and the identifiers <c>int</c>, <c>string</c>... denote.</summary>
internal sealed record CelType(string Name)
{
    public static readonly IReadOnlyList<string> Names = ["int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "optional_type"];
}
