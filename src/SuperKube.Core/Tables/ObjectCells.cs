using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>Cells most printers share: the name, the age and the containers of a pod template.</summary>
internal static class ObjectCells
{
    /// <summary><c>metadata.name</c>, or <c>""</c>.</summary>
    public static string Name(JsonNode obj) => JsonValues.Text(obj, "metadata", "name");

    /// <summary>The age from <c>metadata.creationTimestamp</c>.</summary>
    public static string Age(JsonNode obj, DateTimeOffset now) => HumanDuration.Age(JsonValues.Get(obj, "metadata", "creationTimestamp"), now);

    /// <summary>True when <c>metadata.deletionTimestamp</c> is set.</summary>
    public static bool Deleting(JsonNode obj) => JsonValues.Get(obj, "metadata", "deletionTimestamp") is not null;

    /// <summary>The value, or <c>&lt;none&gt;</c> when it is null or empty.</summary>
    public static string OrNone(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;

    /// <summary>The comma-joined container names and images of a pod spec.</summary>
    public static (string Names, string Images) Containers(JsonNode? podSpec)
    {
        var containers = JsonValues.ObjectList(podSpec, "containers");
        return (
            string.Join(",", containers.Select(c => JsonValues.Text(c, "name"))),
            string.Join(",", containers.Select(c => JsonValues.Text(c, "image"))));
    }
}
