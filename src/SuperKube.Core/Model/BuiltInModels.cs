namespace SuperKube.Model;

/// <summary>The typed C# model of each built-in kind that has one (used for OpenAPI schemas).</summary>
internal static class BuiltInModels
{
    public static Type? For(string group, string version, string kind) => null;
}
