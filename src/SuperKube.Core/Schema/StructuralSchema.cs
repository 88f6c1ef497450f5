namespace SuperKube.Schema;

/// <summary>
/// The subset of OpenAPI v3 schema that Kubernetes calls a structural schema, with the x-kubernetes extensions.
/// One representation serves the OpenAPI documents, strategic-merge-patch metadata, server-side-apply list
/// semantics and (for CRDs) validation, pruning and defaulting. Built-in kinds get theirs from the C# models.
/// </summary>
public sealed class StructuralSchema
{
    /// <summary>object, array, string, integer, number, boolean; null when unspecified (int-or-string, preserve).</summary>
    public string? Type { get; set; }

    /// <summary>Format hint such as int32, int64, date-time, byte, int-or-string.</summary>
    public string? Format { get; set; }

    /// <summary>Human-readable description, shown by <c>kubectl explain</c>.</summary>
    public string? Description { get; set; }

    /// <summary>Named properties of an object, in declaration order.</summary>
    public IDictionary<string, StructuralSchema>? Properties { get; set; }

    /// <summary>Schema of map values for objects used as maps (labels, data).</summary>
    public StructuralSchema? AdditionalProperties { get; set; }

    /// <summary>Schema of array items.</summary>
    public StructuralSchema? Items { get; set; }

    /// <summary>Required property names.</summary>
    public IList<string>? Required { get; set; }

    /// <summary>Allowed values (JSON scalars as strings, numbers, booleans).</summary>
    public IList<object?>? Enum { get; set; }

    /// <summary>Default value (CRDs).</summary>
    public object? Default { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public bool ExclusiveMinimum { get; set; }

    public bool ExclusiveMaximum { get; set; }

    public double? MultipleOf { get; set; }

    public long? MinLength { get; set; }

    public long? MaxLength { get; set; }

    public string? Pattern { get; set; }

    public long? MinItems { get; set; }

    public long? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public long? MinProperties { get; set; }

    public long? MaxProperties { get; set; }

    public bool Nullable { get; set; }

    /// <summary>x-kubernetes-patch-merge-key: the key identifying elements of a merged list (SMP).</summary>
    public string? PatchMergeKey { get; set; }

    /// <summary>x-kubernetes-patch-strategy: <c>merge</c>, <c>replace</c>, <c>retainKeys</c> or <c>merge,retainKeys</c>.</summary>
    public string? PatchStrategy { get; set; }

    /// <summary>x-kubernetes-list-type: <c>atomic</c>, <c>set</c> or <c>map</c> (server-side apply).</summary>
    public string? ListType { get; set; }

    /// <summary>x-kubernetes-list-map-keys for list-type map.</summary>
    public IList<string>? ListMapKeys { get; set; }

    /// <summary>x-kubernetes-map-type: <c>atomic</c> or <c>granular</c>.</summary>
    public string? MapType { get; set; }

    /// <summary>x-kubernetes-preserve-unknown-fields.</summary>
    public bool PreserveUnknownFields { get; set; }

    /// <summary>x-kubernetes-int-or-string.</summary>
    public bool IntOrString { get; set; }

    /// <summary>x-kubernetes-embedded-resource.</summary>
    public bool EmbeddedResource { get; set; }

    /// <summary>The property named <paramref name="name"/>, or the map value schema, or null.</summary>
    public StructuralSchema? Property(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var p) ? p : AdditionalProperties;
}
