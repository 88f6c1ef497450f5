namespace SuperKube.Schema;

/// <summary>How server-side apply treats a list field (x-kubernetes-list-type).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListTypeAttribute(string type) : Attribute
{
    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c>.</summary>
    public string Type { get; } = type;
}
