using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SuperKube.Client;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// The part of any object the garbage collector reads: a few metadata fields. Deserialised straight from a watch
/// event's bytes, everything else (spec, status, managedFields) is skipped unparsed, so watching every resource
/// stays cheap.
/// </summary>
internal sealed class CollectorView
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public CollectorMetadata? Metadata { get; set; }

    public static CollectorMetadata Read(WatchEvent change) =>
        (change.Utf8Json.IsEmpty ? change.Object.Deserialize<CollectorView>(Options) : JsonSerializer.Deserialize<CollectorView>(change.Utf8Json.Span, Options))?.Metadata
        ?? new CollectorMetadata();

    public static CollectorMetadata Read(JsonObject obj) => obj.Deserialize<CollectorView>(Options)?.Metadata ?? new CollectorMetadata();
}

/// <summary>The metadata fields of <see cref="CollectorView"/>.</summary>
internal sealed class CollectorMetadata
{
    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }

    public List<OwnerReference>? OwnerReferences { get; set; }

    /// <summary>Only whether it is set matters.</summary>
    public JsonElement? DeletionTimestamp { get; set; }

    public List<string>? Finalizers { get; set; }

    [JsonIgnore]
    public bool IsDeleting => DeletionTimestamp is { ValueKind: not JsonValueKind.Null };
}
