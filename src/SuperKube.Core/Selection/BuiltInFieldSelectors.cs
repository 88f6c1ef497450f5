using System.Collections.Frozen;
using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Selection;

/// <summary>
/// Per-kind field-selector fields of built-ins (beyond metadata.name and metadata.namespace, which every kind has),
/// as the real server's <c>ToSelectableFields</c> functions define them. Values read the object's JSON the way the
/// typed server sees it: absent strings are "", absent numbers "0", absent booleans "false".
/// </summary>
internal static class BuiltInFieldSelectors
{
    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> None = FrozenDictionary<string, Func<JsonObject, string?>>.Empty;

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Pod = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["spec.nodeName"] = o => Text(o, "spec", "nodeName"),
        ["spec.restartPolicy"] = o => Text(o, "spec", "restartPolicy"),
        ["spec.schedulerName"] = o => Text(o, "spec", "schedulerName"),
        ["spec.serviceAccountName"] = o => Text(o, "spec", "serviceAccountName"),
        ["spec.hostNetwork"] = o => Flag(o, "spec", "hostNetwork"),
        ["status.phase"] = o => Text(o, "status", "phase"),
        ["status.podIP"] = PodIp,
        ["status.nominatedNodeName"] = o => Text(o, "status", "nominatedNodeName"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Event = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["involvedObject.kind"] = o => Text(o, "involvedObject", "kind"),
        ["involvedObject.namespace"] = o => Text(o, "involvedObject", "namespace"),
        ["involvedObject.name"] = o => Text(o, "involvedObject", "name"),
        ["involvedObject.uid"] = o => Text(o, "involvedObject", "uid"),
        ["involvedObject.apiVersion"] = o => Text(o, "involvedObject", "apiVersion"),
        ["involvedObject.resourceVersion"] = o => Text(o, "involvedObject", "resourceVersion"),
        ["involvedObject.fieldPath"] = o => Text(o, "involvedObject", "fieldPath"),
        ["reason"] = o => Text(o, "reason"),
        ["reportingComponent"] = o => Text(o, "reportingComponent"),
        ["source"] = o => Text(o, "source", "component") is { Length: > 0 } component ? component : Text(o, "reportingComponent"),
        ["type"] = o => Text(o, "type"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Node = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["spec.unschedulable"] = o => Flag(o, "spec", "unschedulable"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Secret = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["type"] = o => Text(o, "type"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Namespace = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["status.phase"] = o => Text(o, "status", "phase"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Replicated = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["status.replicas"] = o => Number(o, "status", "replicas"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Func<JsonObject, string?>> Job = new Dictionary<string, Func<JsonObject, string?>>
    {
        ["status.successful"] = o => Number(o, "status", "succeeded"),
    }.ToFrozenDictionary();

    /// <summary>The extra selectable fields of a built-in kind, each with its value getter; empty when none.</summary>
    public static IReadOnlyDictionary<string, Func<JsonObject, string?>> For(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => Pod,
        ("", "Event") => Event,
        ("", "Node") => Node,
        ("", "Secret") => Secret,
        ("", "Namespace") => Namespace,
        ("", "ReplicationController") or ("apps", "ReplicaSet") => Replicated,
        ("batch", "Job") => Job,
        _ => None,
    };

    private static string Text(JsonObject obj, params ReadOnlySpan<string> path) => JsonRead.String(obj, path) ?? "";

    private static string Flag(JsonObject obj, params ReadOnlySpan<string> path) =>
        JsonRead.Boolean(obj, path) == true ? "true" : "false";

    private static string Number(JsonObject obj, params ReadOnlySpan<string> path) =>
        JsonRead.Scalar(JsonRead.At(obj, path)) ?? "0";

    // The typed server reads the first of status.podIPs (filled from status.podIP when only that is set).
    private static string PodIp(JsonObject obj) =>
        JsonRead.String(JsonRead.Array(obj, "status", "podIPs")?.FirstOrDefault(), "ip") ?? Text(obj, "status", "podIP");
}
