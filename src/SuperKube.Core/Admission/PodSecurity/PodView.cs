using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Admission.PodSecurity;

/// <summary>The parts of a pod (or pod template) the checks read, and upstream's phrasing helpers.</summary>
internal sealed class PodView(JsonObject? metadata, JsonObject spec)
{
    public JsonObject Spec => spec;

    public JsonObject? Annotations => JsonRead.Object(metadata, "annotations");

    public JsonObject? SecurityContext => JsonRead.Object(spec, "securityContext");

    /// <summary>Init containers, containers, then ephemeral containers (upstream's visiting order).</summary>
    public IEnumerable<(string Name, JsonObject Container)> Containers =>
        new[] { "initContainers", "containers", "ephemeralContainers" }
            .SelectMany(list => (JsonRead.Array(spec, list) ?? []).OfType<JsonObject>())
            .Select(c => (JsonRead.String(c, "name") ?? "", c));

    public IEnumerable<JsonObject> Volumes => (JsonRead.Array(spec, "volumes") ?? []).OfType<JsonObject>();

    /// <summary>The containers whose security context makes <paramref name="bad"/> true.</summary>
    public List<string> ContainersWhere(Func<JsonObject?, bool> bad) =>
        [.. Containers.Where(c => bad(JsonRead.Object(c.Container, "securityContext"))).Select(c => c.Name)];

    /// <summary><c>container "a"</c> or <c>containers "a", "b"</c>.</summary>
    public static string Named(IReadOnlyCollection<string> names) => Plural("container", "containers", names.Count) + " " + Quoted(names);

    public static string Plural(string one, string many, int count) => count == 1 ? one : many;

    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(GoText.Quote));
}
