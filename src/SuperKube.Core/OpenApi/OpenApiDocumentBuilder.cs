using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.Model.Meta;
using SuperKube.Registry;
using SuperKube.Schema;

namespace SuperKube.OpenApi;

/// <summary>
/// Builds the <c>/openapi/v3</c> root and one OpenAPI 3.0 document per group-version from the resource registry.
/// Documents are built lazily, cached, and rebuilt after the registry changes; the root carries a hash of each
/// document so kubectl's cache notices changes.
/// </summary>
internal sealed class OpenApiDocumentBuilder
{
    /// <summary>The Kubernetes version the documents claim to describe.</summary>
    public const string KubernetesVersion = Api.VersionInfo.KubernetesVersion;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Lazy<FrozenSet<string>> BuiltInGroups = new(() => BuiltInResources.Create().Select(r => r.Group).ToFrozenSet());

    private readonly IResourceRegistry _registry;
    private Snapshot? _snapshot;

    public OpenApiDocumentBuilder(IResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _registry.Changed += (_, _) => Volatile.Write(ref _snapshot, null);
    }

    /// <summary>
    /// The root document: <c>{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},...}}</c>, one
    /// entry per served group-version.
    /// </summary>
    public byte[] BuildRoot() => Current().Root.Value;

    /// <summary>The document of a group-version (empty group for core), or null when nothing of it is served.</summary>
    public byte[]? BuildGroupVersion(string group, string version) => BuildForPath(PathOf(group, version));

    /// <summary>The document for a root path such as <c>api/v1</c> or <c>apis/apps/v1</c>, or null.</summary>
    public byte[]? BuildForPath(string path) =>
        Current().Documents.TryGetValue(path, out var document) ? document.Value.Bytes : null;

    /// <summary>The hash the root publishes for a group-version's document, or null when it is not served.</summary>
    public string? HashOf(string group, string version) =>
        Current().Documents.TryGetValue(PathOf(group, version), out var document) ? document.Value.Hash : null;

    /// <summary>The root path of a group-version: <c>api/v1</c> or <c>apis/apps/v1</c>.</summary>
    public static string PathOf(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    private Snapshot Current()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var generation = _registry.Generation;
        if (snapshot is null || snapshot.Generation != generation)
        {
            snapshot = new Snapshot(generation, _registry.All);
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot;
    }

    private static Document BuildDocument(IReadOnlyList<ResourceType> resources)
    {
        var schemas = new OpenApiSchemaWriter();
        var paths = new JsonObject();
        var pathWriter = new OpenApiPathWriter(paths, schemas.Require(typeof(Status)), schemas.Require(typeof(DeleteOptions)));
        schemas.Add(ComponentNames.Patch, () => new JsonObject
        {
            ["description"] = "A patch document; its format depends on the request's Content-Type.",
            ["type"] = "object",
        });
        foreach (var resource in resources)
        {
            var builtIn = BuiltInGroups.Value.Contains(resource.Group);
            var component = KindComponent(schemas, resource.GroupVersionKind, resource.ModelType, builtIn, resource.Schema);
            var listComponent = ListComponent(schemas, component, resource.GroupVersionKind);
            pathWriter.Add(resource, component, listComponent, kind => kind == resource.GroupVersionKind
                ? component
                : KindComponent(schemas, kind, BuiltInModels.For(kind.Group, kind.Version, kind.Kind), BuiltInGroups.Value.Contains(kind.Group)),
                strategicMerge: builtIn);
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = KubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas.Finish() },
        };
        var bytes = Serialize(document);
        return new Document(bytes, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    private static string KindComponent(
        OpenApiSchemaWriter schemas, GroupVersionKind kind, Type? modelType, bool builtIn, StructuralSchema? schema = null)
    {
        var name = modelType is null ? ComponentNames.For(kind, builtIn) : schemas.Require(modelType);
        if (modelType is null)
        {
            schemas.Add(name, () => schemas.Write(schema ?? ModelSchemaBuilder.Unmodelled(kind.Kind)).AsObject());
        }

        schemas.AddKind(name, kind);
        return name;
    }

    private static string ListComponent(OpenApiSchemaWriter schemas, string itemComponent, GroupVersionKind kind)
    {
        var name = itemComponent + "List";
        var listKind = kind with { Kind = kind.Kind + "List" };
        schemas.Add(name, () => new JsonObject
        {
            ["description"] = $"A list of {kind.Kind} objects.",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["description"] = "Versioned schema of the list, such as v1.", ["type"] = "string" },
                ["items"] = new JsonObject
                {
                    ["description"] = "The objects.",
                    ["items"] = new JsonObject { ["allOf"] = new JsonArray(OpenApiSchemaWriter.Ref(itemComponent)), ["default"] = new JsonObject() },
                    ["type"] = "array",
                },
                ["kind"] = new JsonObject { ["description"] = "Type of the list, such as PodList.", ["type"] = "string" },
                ["metadata"] = new JsonObject
                {
                    ["allOf"] = new JsonArray(schemas.RefTo(typeof(ListMeta))),
                    ["default"] = new JsonObject(),
                    ["description"] = "Standard list metadata.",
                },
            },
            ["required"] = new JsonArray("items"),
            ["type"] = "object",
        });
        schemas.AddKind(name, listKind);
        return name;
    }

    private static byte[] Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return stream.ToArray();
    }

    private sealed record Document(byte[] Bytes, string Hash);

    /// <summary>The documents of one registry generation; each is built on first use.</summary>
    private sealed class Snapshot
    {
        public Snapshot(long generation, IReadOnlyList<ResourceType> resources)
        {
            Generation = generation;
            var byPath = new Dictionary<string, List<ResourceType>>(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                var path = PathOf(resource.Group, resource.Version);
                if (!byPath.TryGetValue(path, out var list))
                {
                    byPath[path] = list = [];
                }

                list.Add(resource);
            }

            var order = byPath.Keys.ToList();
            Documents = byPath.ToFrozenDictionary(p => p.Key, p => new Lazy<Document>(() => BuildDocument(p.Value)), StringComparer.Ordinal);
            Root = new Lazy<byte[]>(() =>
            {
                var entries = new JsonObject();
                foreach (var path in order)
                {
                    entries[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={Documents[path].Value.Hash}" };
                }

                return Serialize(new JsonObject { ["paths"] = entries });
            });
        }

        public long Generation { get; }

        public FrozenDictionary<string, Lazy<Document>> Documents { get; }

        public Lazy<byte[]> Root { get; }
    }
}
