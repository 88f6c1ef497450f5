using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Storage;

namespace SuperKube.WatchCache;

/// <summary>
/// An object held by the watch cache: the stored UTF-8 JSON (served as is on GET, LIST and WATCH) and its labels,
/// read once so label selectors do not re-parse.
/// </summary>
internal sealed class CachedObject
{
    private const int Unknown = 0;
    private const int NotDeleting = 1;
    private const int Deleting = 2;

    private int _deleting;
    private SelectableValues? _selectableFields;
    private object? _model;
    private bool _superseded;

    public CachedObject(StoredObject stored)
    {
        Key = stored.Key;
        Revision = stored.Revision;
        Json = stored.Json;
        Labels = ReadLabels(stored.Json.Span);
    }

    public ObjectKey Key { get; }

    public long Revision { get; }

    public ReadOnlyMemory<byte> Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>True when <c>metadata.deletionTimestamp</c> is set; read from the bytes on first use, without a full parse.</summary>
    public bool IsDeleting
    {
        get
        {
            var state = Volatile.Read(ref _deleting);
            if (state == Unknown)
            {
                state = HasDeletionTimestamp(Json.Span) ? Deleting : NotDeleting;
                Volatile.Write(ref _deleting, state);
            }

            return state == Deleting;
        }
    }

    /// <summary>
    /// The value of one of the type's selectable fields (<c>spec.nodeName</c>, <c>status.phase</c>, …; "" when
    /// unset). All of them are read with one parse on first use and kept, so every watcher with a field selector
    /// shares that parse. (Versions of one resource may select different fields, as core and events.k8s.io Events
    /// do: the values kept are those of the first version asked; another version's are read without keeping them.)
    /// </summary>
    public string SelectableField(ResourceType type, string field)
    {
        var kept = Volatile.Read(ref _selectableFields);
        if (kept is null || kept.Fields != type.SelectableFields)
        {
            var read = new SelectableValues(type.SelectableFields, Read(type.SelectableFields));
            kept ??= Interlocked.CompareExchange(ref _selectableFields, read, null) ?? read;
            if (kept.Fields != type.SelectableFields)
            {
                kept = read;
            }
        }

        return type.SelectableFieldPositions.TryGetValue(field, out var at) ? kept.Values[at] : "";
    }

    /// <summary>
    /// The object as a model without <c>metadata.managedFields</c>, deserialised once and shared by every in-process
    /// watcher of this revision until a newer revision replaces it (then each caller gets its own). Read-only.
    /// </summary>
    public T SharedModel<T>() where T : class, IKubernetesObject
    {
        if (Volatile.Read(ref _model) is T shared)
        {
            return shared;
        }

        var model = ModelTypeInfo.DeserializeWithoutManagedFields<T>(Json.Span);

        if (Volatile.Read(ref _superseded))
        {
            return model;
        }

        return Interlocked.CompareExchange(ref _model, model, null) as T ?? model;
    }

    /// <summary>A newer revision replaced this one (or it is a deletion): no model is kept for it from now on.</summary>
    public void Supersede()
    {
        Volatile.Write(ref _superseded, true);
        Volatile.Write(ref _model, null);
    }

    /// <summary>The values of the fields in their enumeration order, read with one parse.</summary>
    private string[] Read(IReadOnlyDictionary<string, Func<JsonObject, string?>> fields)
    {
        // A view over a pooled document (no copy of the bytes, no full tree); only the strings read are kept.
        using var document = JsonDocument.Parse(Json);
        var view = JsonObject.Create(document.RootElement) ?? new JsonObject();
        var values = new string[fields.Count];
        var position = 0;
        foreach (var read in fields.Values)
        {
            values[position++] = SharedStrings.Share(read(view) ?? "");
        }

        return values;
    }

    /// <summary>Parses a fresh mutable copy of the object.</summary>
    public JsonObject Parse() => JsonNode.Parse(Json.Span)?.AsObject() ?? new JsonObject();

    /// <summary>The selectable field values of one version's field set, in its enumeration order.</summary>
    private sealed record SelectableValues(IReadOnlyDictionary<string, Func<JsonObject, string?>> Fields, string[] Values);

    private static IReadOnlyDictionary<string, string> ReadLabels(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return MoveToMetadata(ref reader) ? ReadLabelsFromMetadata(ref reader) : StringMap.Empty;
    }

    private static bool HasDeletionTimestamp(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!MoveToMetadata(ref reader))
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDeletionTimestamp = reader.ValueTextEquals("deletionTimestamp"u8);
            reader.Read();
            if (isDeletionTimestamp)
            {
                return reader.TokenType != JsonTokenType.Null;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Positions the reader on the start of the top-level <c>metadata</c> object; false when there is none.</summary>
    private static bool MoveToMetadata(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static IReadOnlyDictionary<string, string> ReadLabelsFromMetadata(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLabels = reader.ValueTextEquals("labels"u8);
            reader.Read();
            if (isLabels && reader.TokenType == JsonTokenType.StartObject)
            {
                var labels = new List<KeyValuePair<string, string>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = SharedStrings.Read(ref reader);
                    reader.Read();
                    labels.Add(new(key, reader.TokenType == JsonTokenType.String ? SharedStrings.Read(ref reader) : ""));
                }

                return StringMap.From(labels);
            }

            reader.Skip();
        }

        return StringMap.Empty;
    }
}
