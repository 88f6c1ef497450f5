using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SuperKube.OpenApi;

/// <summary>The request parameters of the operations in the OpenAPI documents, written inline.</summary>
internal static class OpenApiParameters
{
    /// <summary>Query parameters of list and watch requests.</summary>
    public static readonly IReadOnlyList<string> List =
    [
        "allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion",
        "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch",
    ];

    /// <summary>Query parameters of create and replace requests.</summary>
    public static readonly IReadOnlyList<string> Write = ["dryRun", "fieldManager", "fieldValidation"];

    /// <summary>Query parameters of patch requests; kubectl looks for <c>fieldValidation</c> here.</summary>
    public static readonly IReadOnlyList<string> Patch = ["dryRun", "fieldManager", "fieldValidation", "force"];

    /// <summary>Query parameters of delete requests.</summary>
    public static readonly IReadOnlyList<string> Delete =
        ["dryRun", "gracePeriodSeconds", "ignoreStoreReadErrorWithClusterBreakingPotential", "orphanDependents", "propagationPolicy"];

    /// <summary>Query parameters of delete-collection requests.</summary>
    public static readonly IReadOnlyList<string> DeleteCollection =
    [
        .. Delete, "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion", "resourceVersionMatch",
        "sendInitialEvents", "timeoutSeconds",
    ];

    private static readonly FrozenDictionary<string, (string Type, string Description)> Query =
        new Dictionary<string, (string, string)>
        {
            ["allowWatchBookmarks"] = ("boolean", "Ask for BOOKMARK events that carry only a resourceVersion; servers may ignore it."),
            ["continue"] = ("string", "Token from a previous page of results, to fetch the next page."),
            ["dryRun"] = ("string", "When All, validate and process the request without persisting anything."),
            ["fieldManager"] = ("string", "Name of the actor making the change, recorded in managedFields; required for apply."),
            ["fieldSelector"] = ("string", "Limit the results to objects whose fields match, such as metadata.name=x."),
            ["fieldValidation"] = ("string", "How unknown or duplicate fields are handled: Ignore, Warn or Strict."),
            ["force"] = ("boolean", "For apply requests, take over fields owned by other managers instead of failing with a conflict."),
            ["gracePeriodSeconds"] = ("integer", "Seconds before the object is deleted; zero means at once."),
            ["ignoreStoreReadErrorWithClusterBreakingPotential"] = ("boolean", "Delete an object that cannot be read from storage; unsafe."),
            ["labelSelector"] = ("string", "Limit the results to objects whose labels match."),
            ["limit"] = ("integer", "Most results to return in one page."),
            ["orphanDependents"] = ("boolean", "Deprecated: orphan the dependents; use propagationPolicy instead."),
            ["pretty"] = ("string", "When true, indent the output."),
            ["propagationPolicy"] = ("string", "How dependents are garbage collected: Orphan, Background or Foreground."),
            ["resourceVersion"] = ("string", "Which version of the data the result may come from; see resourceVersionMatch."),
            ["resourceVersionMatch"] = ("string", "How resourceVersion is applied to list calls: Exact or NotOlderThan."),
            ["sendInitialEvents"] = ("boolean", "With watch, start the stream with the current objects, then a bookmark."),
            ["timeoutSeconds"] = ("integer", "Seconds after which a list or watch call ends."),
            ["watch"] = ("boolean", "Stream changes instead of returning a list."),
        }.ToFrozenDictionary();

    /// <summary>A query parameter, such as <c>fieldValidation</c>.</summary>
    public static JsonObject QueryParameter(string name)
    {
        var (type, description) = Query[name];
        return new JsonObject
        {
            ["description"] = description,
            ["in"] = "query",
            ["name"] = name,
            ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
        };
    }

    /// <summary>The query parameters with the given names.</summary>
    public static JsonArray QueryParameters(IEnumerable<string> names) => new(names.Select(n => (JsonNode?)QueryParameter(n)).ToArray());

    /// <summary>A required path parameter, such as <c>name</c> or <c>namespace</c>.</summary>
    public static JsonObject PathParameter(string name, string description) => new()
    {
        ["description"] = description,
        ["in"] = "path",
        ["name"] = name,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
