namespace SuperKube.Model;

/// <summary>
/// Marks a model class of your own (a custom resource, typically) with the resource that serves it, so the typed
/// client helpers, informers and <c>AddController&lt;TResource, TReconciler&gt;</c> work with it as with the built-in
/// models. The class implements <see cref="IKubernetesObject"/> and should keep unknown fields in a
/// <c>[JsonExtensionData]</c> dictionary; it is serialised camelCase with nulls omitted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KubernetesEntityAttribute : Attribute
{
    /// <summary>The API group, such as <c>example.com</c> ("" for the core group).</summary>
    public string Group { get; set; } = "";

    /// <summary>The version, such as <c>v1</c>.</summary>
    public string ApiVersion { get; set; } = "";

    /// <summary>The kind, such as <c>Widget</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The resource's plural name, such as <c>widgets</c>.</summary>
    public string PluralName { get; set; } = "";
}
