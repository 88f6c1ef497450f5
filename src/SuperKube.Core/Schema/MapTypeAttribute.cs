namespace SuperKube.Schema;

/// <summary>
/// How server-side apply treats a map or a struct (x-kubernetes-map-type): <c>atomic</c> replaces it as a whole,
/// <c>granular</c> merges it field by field. On a class it applies wherever the class is used.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class MapTypeAttribute(string type) : Attribute
{
    /// <summary><c>atomic</c> or <c>granular</c>.</summary>
    public string Type { get; } = type;
}
