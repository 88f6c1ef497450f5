using System.Text.Json.Nodes;

namespace SuperKube.Apply;

/// <summary>Reads and writes <c>metadata.managedFields</c>.</summary>
internal static class ManagedFieldsCodec
{
    private const string FieldsType = "FieldsV1";

    /// <summary>The managedFields of <paramref name="obj"/>, or null when absent.</summary>
    public static JsonNode? Raw(JsonObject obj) => (obj["metadata"] as JsonObject)?["managedFields"];

    /// <summary>
    /// True for the values that clear every entry: an empty list or a list of one empty entry, as upstream
    /// (a client sends <c>[{}]</c> to strip managedFields).
    /// </summary>
    public static bool IsReset(JsonNode? raw) =>
        raw is JsonArray list && (list.Count == 0 || (list.Count == 1 && list[0] is JsonObject { Count: 0 }));

    /// <summary>Decodes the entries; false when the value is absent, empty or malformed.</summary>
    public static bool TryDecode(JsonNode? raw, out List<ManagerEntry> entries)
    {
        entries = [];
        if (raw is not JsonArray { Count: > 0 } list)
        {
            return false;
        }

        try
        {
            foreach (var item in list)
            {
                if (item is not JsonObject entry || Text(entry, "fieldsType") is not (FieldsType or null))
                {
                    return false;
                }

                var operation = Text(entry, "operation");
                if (operation is not (ManagerEntry.Apply or ManagerEntry.Update))
                {
                    return false;
                }

                entries.Add(new ManagerEntry(
                    Text(entry, "manager") ?? "",
                    operation,
                    Text(entry, "apiVersion") ?? "",
                    Text(entry, "time"),
                    Text(entry, "subresource") ?? "",
                    entry["fieldsV1"] is null ? new FieldSet() : FieldSet.Parse(entry["fieldsV1"])));
            }

            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            entries = [];
            return false;
        }
    }

    /// <summary>Writes the entries (dropping empty ones) in upstream order: Apply before Update, then by time and manager.</summary>
    public static void Encode(JsonObject obj, IEnumerable<ManagerEntry> entries)
    {
        var meta = Objects.ObjectMetadata.Of(obj);
        var kept = entries.Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource, StringComparer.Ordinal)
            .ToList();
        if (kept.Count == 0)
        {
            meta.Remove("managedFields");
            return;
        }

        var list = new JsonArray();
        foreach (var entry in kept)
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                json["time"] = entry.Time;
            }

            json["fieldsType"] = FieldsType;
            json["fieldsV1"] = entry.Fields.ToJson();
            if (entry.Subresource.Length > 0)
            {
                json["subresource"] = entry.Subresource;
            }

            list.Add(json);
        }

        meta["managedFields"] = list;
    }

    /// <summary>A copy of <paramref name="obj"/> without managedFields, as the field comparisons see it.</summary>
    public static JsonObject Without(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
