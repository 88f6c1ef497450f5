using System.Text.Json.Nodes;
using SuperKube.Schema;
using SuperKube.Tables;

namespace SuperKube.Registry;

/// <summary>
/// Everything the server knows about one resource in one version: routing, discovery, Table columns, field
/// selectors, OpenAPI and write behaviour are all derived from it. Built-ins and CRDs register the same way.
/// </summary>
public sealed class ResourceType
{
    /// <summary>The verbs of an ordinary resource.</summary>
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>API group; empty for the core group.</summary>
    public required string Group { get; init; }

    /// <summary>API version, such as <c>v1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>Kind, such as <c>Deployment</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Plural resource name used in URLs, such as <c>deployments</c>.</summary>
    public required string Plural { get; init; }

    /// <summary>Singular name; defaults to the lower-cased kind.</summary>
    public string Singular { get => field ?? Kind.ToLowerInvariant(); init; }

    /// <summary>Namespaced or cluster scoped.</summary>
    public ResourceScope Scope { get; init; } = ResourceScope.Namespaced;

    /// <summary>Short names, such as <c>deploy</c>.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Categories, such as <c>all</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Verbs allowed on the resource.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = AllVerbs;

    /// <summary>Subresources published in discovery.</summary>
    public IReadOnlyList<SubresourceInfo> Subresources { get; init; } = [];

    /// <summary>Server-side printing; null means the default Name/Age table.</summary>
    public TableDefinition? Table { get; init; }

    /// <summary>Extra field-selector fields beyond metadata.name and metadata.namespace, each with its value getter.</summary>
    public IReadOnlyDictionary<string, Func<JsonObject, string?>> SelectableFields { get; init; } =
        new Dictionary<string, Func<JsonObject, string?>>();

    /// <summary>Each selectable field's position in the enumeration order of <see cref="SelectableFields"/>.</summary>
    internal IReadOnlyDictionary<string, int> SelectableFieldPositions =>
        field ??= SelectableFields.Keys.Select((name, position) => (name, position)).ToDictionary(p => p.name, p => p.position, StringComparer.Ordinal);

    /// <summary>Write behaviour: defaulting, validation, status split.</summary>
    public required IResourceStrategy Strategy { get; init; }

    /// <summary>The typed model used for the OpenAPI schema; null publishes a schema that keeps unknown fields.</summary>
    public Type? ModelType { get; init; }

    /// <summary>True for create-only resources answered without storage (access reviews).</summary>
    public bool IsVirtual { get; init; }

    /// <summary>The schema published in OpenAPI for resources without a model type (custom resources); null for none.</summary>
    public StructuralSchema? Schema { get; init; }

    /// <summary>Where a custom resource keeps its replicas and selector, when it has a <c>scale</c> subresource.</summary>
    public ScaleInfo? Scale { get; init; }

    /// <summary>A warning sent with every request to this version (deprecated custom resource versions); null for none.</summary>
    public string? DeprecationWarning { get; init; }

    /// <summary>True when DELETE answers with the deleted object instead of a Status (pods, services).</summary>
    public bool ReturnDeletedObject { get; init; }

    /// <summary>Name rule for metadata.name.</summary>
    public NamePolicy NamePolicy { get; init; } = NamePolicy.Subdomain;

    /// <summary>
    /// Key under which objects are stored. Versions of one resource share it (autoscaling/v1 and v2 HPAs are the
    /// same objects). Defaults to <c>group/plural</c>.
    /// </summary>
    public string StorageKey { get => field ?? $"{Group}/{Plural}"; init; }

    /// <summary>Lower-cased kind for messages and field paths.</summary>
    public GroupVersionKind GroupVersionKind => new(Group, Version, Kind);

    /// <summary><c>v1</c> or <c>apps/v1</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The resource as the real server names it in messages: <c>pods</c> or <c>deployments.apps</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>True for namespaced resources.</summary>
    public bool IsNamespaced => Scope == ResourceScope.Namespaced;

    /// <summary>True when the resource has the given subresource.</summary>
    public bool HasSubresource(string name) => Subresources.Any(s => s.Name == name);

    public override string ToString() => $"{QualifiedResource}/{Version}";
}
