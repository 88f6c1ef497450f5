namespace SuperKube.Schema;

/// <summary>The fields that identify the elements of a list of type <c>map</c> (x-kubernetes-list-map-keys).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    /// <summary>The JSON names of the key fields, such as <c>containerPort</c> and <c>protocol</c>.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;
}
