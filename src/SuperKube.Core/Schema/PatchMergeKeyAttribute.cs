namespace SuperKube.Schema;

/// <summary>The key that identifies the elements of a list merged by a strategic merge patch (x-kubernetes-patch-merge-key).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchMergeKeyAttribute(string key) : Attribute
{
    /// <summary>The JSON name of the key field, such as <c>name</c>.</summary>
    public string Key { get; } = key;
}
