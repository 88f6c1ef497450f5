using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>
/// The event table, shared by core/v1 and events.k8s.io/v1 events: each field is read under its core name first
/// and then under its events.k8s.io name (<c>regarding</c>, <c>note</c>, <c>deprecatedCount</c>, ...).
/// </summary>
internal static class EventPrinter
{
    /// <summary>Last Seen, Type, Reason, Object, Subobject (wide), Source (wide), Message, First Seen, Count, Name (wide).</summary>
    public static readonly TableDefinition Table = new(
        [
            TableColumns.Text("Last Seen", "Time since the event was last observed."),
            TableColumns.Text("Type", "Normal or Warning."),
            TableColumns.Text("Reason", "Short machine-readable cause of the event."),
            TableColumns.Text("Object", "Object the event is about, as kind/name."),
            TableColumns.Text("Subobject", "Part of the object the event is about, such as a container.", 1),
            TableColumns.Text("Source", "Component and host that reported the event.", 1),
            TableColumns.Text("Message", "Human-readable description of the event."),
            TableColumns.Text("First Seen", "Time since the event was first observed.", 1),
            TableColumns.Text("Count", "How many times the event was observed.", 1),
            TableColumns.Name with { Priority = 1 },
        ],
        Row);

    private static object?[] Row(JsonObject ev, DateTimeOffset now)
    {
        var first = Either(ev, "firstTimestamp", "deprecatedFirstTimestamp") is { } firstTime
            ? HumanDuration.Since(firstTime, now)
            : HumanDuration.Age(Get(ev, "eventTime"), now);
        var last = Either(ev, "lastTimestamp", "deprecatedLastTimestamp") is { } lastTime ? HumanDuration.Since(lastTime, now) : first;
        var count = IntOrNull(ev, "count") ?? Int(ev, "deprecatedCount");
        if (Object(ev, "series") is { } series)
        {
            last = HumanDuration.Age(Get(series, "lastObservedTime"), now);
            count = Int(series, "count");
        }
        else if (count == 0)
        {
            count = 1;
        }

        var involved = Object(ev, "involvedObject") ?? Object(ev, "regarding");
        var kind = Text(involved, "kind").ToLowerInvariant();
        var name = Text(involved, "name");
        var source = Object(ev, "source") ?? Object(ev, "deprecatedSource");
        var component = FirstNonEmpty(Str(source, "component"), Str(ev, "reportingController"));
        var host = FirstNonEmpty(Str(source, "host"), Str(ev, "reportingInstance"));
        return
        [
            last,
            Text(ev, "type"),
            Text(ev, "reason"),
            name.Length > 0 ? $"{kind}/{name}" : kind,
            Text(involved, "fieldPath"),
            host.Length > 0 ? $"{component}, {host}" : component,
            (Str(ev, "message") ?? Text(ev, "note")).Trim(),
            first,
            count,
            ObjectCells.Name(ev),
        ];
    }

    private static DateTimeOffset? Either(JsonObject ev, string coreName, string eventsName) =>
        Time(ev, coreName) ?? Time(ev, eventsName);

    private static string FirstNonEmpty(string? preferred, string? fallback) =>
        string.IsNullOrEmpty(preferred) ? fallback ?? "" : preferred;
}
