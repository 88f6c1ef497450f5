using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("Metadata that every persisted object carries: its identity, labels, annotations and bookkeeping written by the server.")]
public sealed class ObjectMeta
{
    [Description("Name of the object, unique within its namespace (or within the cluster for cluster-scoped kinds).")]
    public string? Name { get; set; }

    [Description("Prefix from which the server generates a unique name when name is left empty.")]
    public string? GenerateName { get; set; }

    [Description("Namespace the object belongs to; empty for cluster-scoped objects.")]
    public string? Namespace { get; set; }

    [Description("Deprecated link to the object; the server no longer fills it in.")]
    public string? SelfLink { get; set; }

    [Description("Identifier the server assigns at creation; it is never reused.")]
    public string? Uid { get; set; }

    [Description("Opaque version of the object, used for optimistic concurrency and to resume watches.")]
    public string? ResourceVersion { get; set; }

    [Description("Number of the desired state, increased by the server whenever the spec changes.")]
    public long? Generation { get; set; }

    [Description("Server time at which the object was created.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? CreationTimestamp { get; set; }

    [Description("Time after which the object is removed; set by the server when deletion is requested.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? DeletionTimestamp { get; set; }

    [Description("Seconds the object is allowed to shut down gracefully before it is removed.")]
    public long? DeletionGracePeriodSeconds { get; set; }

    [Description("Key/value pairs used to organise objects and to select them.")]
    public IDictionary<string, string>? Labels { get; set; }

    [Description("Free-form key/value metadata for tools and people; not used for selection.")]
    public IDictionary<string, string>? Annotations { get; set; }

    [Description("Objects this one depends on; when every owner is gone the garbage collector removes it.")]
    [PatchMergeKey("uid")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("uid")]
    public IList<OwnerReference>? OwnerReferences { get; set; }

    [Description("Names of clean-up steps that must finish before the object is removed.")]
    [PatchStrategy("merge")]
    [ListType("set")]
    public IList<string>? Finalizers { get; set; }

    [Description("Which field manager owns which fields, kept by server-side apply.")]
    [ListType("atomic")]
    public IList<ManagedFieldsEntry>? ManagedFields { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
