using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.WatchCache;

namespace SuperKube.Client;

/// <summary>
/// One watch event: ADDED, MODIFIED, DELETED (or BOOKMARK from remote servers) and the object. Events from the
/// in-process watch cache carry the stored UTF-8 JSON and parse it only when <see cref="Object"/> is read, so a
/// watcher that wants a typed model (<see cref="ToModel{T}"/>) deserialises the bytes once, with no JSON tree in
/// between.
/// </summary>
public sealed class WatchEvent
{
    private JsonObject? _object;
    private readonly string? _resourceVersion;
    private readonly CachedObject? _cached;

    /// <summary>An event with an already parsed object.</summary>
    public WatchEvent(string type, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Type = type;
        _object = obj;
    }

    /// <summary>An event whose object (at <paramref name="resourceVersion"/>) is parsed from <paramref name="utf8Json"/> on first use.</summary>
    public WatchEvent(string type, ReadOnlyMemory<byte> utf8Json, string resourceVersion)
    {
        Type = type;
        Utf8Json = utf8Json;
        _resourceVersion = resourceVersion;
    }

    /// <summary>An event from the in-process watch cache: the cached object's bytes, and its shared model.</summary>
    internal WatchEvent(string type, CachedObject cached, string resourceVersion)
        : this(type, cached.Json, resourceVersion)
    {
        _cached = cached;
    }

    public string Type { get; }

    /// <summary>The object: a mutable copy owned by this event (parsed on first read when the event carries bytes).</summary>
    public JsonObject Object => _object ??= JsonNode.Parse(Utf8Json.Span)?.AsObject() ?? new JsonObject();

    /// <summary>The object's <c>metadata.resourceVersion</c> (read without parsing when the event carries bytes).</summary>
    public string? ResourceVersion => _resourceVersion ?? Object["metadata"]?["resourceVersion"]?.GetValue<string>();

    /// <summary>The object's UTF-8 JSON when the event came from the in-process watch cache; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The object as a model, deserialised from the bytes when the event carries them.</summary>
    public T ToModel<T>() where T : class =>
        _object is null && !Utf8Json.IsEmpty
            ? ModelTypeInfo.Deserialize<T>(Utf8Json.Span)
            : KubernetesClientExtensions.FromJson<T>(Object);

    /// <summary>
    /// The object as a model without <c>metadata.managedFields</c>, for watchers that only read it: from the in-process
    /// watch cache, one instance per revision shared by every in-process watcher (deserialised once), so it must never
    /// be modified; otherwise a fresh instance.
    /// </summary>
    public T SharedModel<T>() where T : class, IKubernetesObject
    {
        if (_cached is not null)
        {
            return _cached.SharedModel<T>();
        }

        return _object is null && !Utf8Json.IsEmpty
            ? ModelTypeInfo.DeserializeWithoutManagedFields<T>(Utf8Json.Span)
            : ToModel<T>().WithoutManagedFields();
    }

    public override string ToString() => $"{Type} {Object["kind"]} {Object["metadata"]?["namespace"]}/{Object["metadata"]?["name"]}";
}
