using System.Text.Json.Nodes;

namespace SuperKube.CustomResources;

/// <summary>The names of a CRD (<c>spec.names</c> or <c>status.acceptedNames</c>).</summary>
internal sealed record CrdNames(
    string Plural, string Singular, string Kind, string ListKind, IReadOnlyList<string> ShortNames, IReadOnlyList<string> Categories)
{
    public static readonly CrdNames Empty = new("", "", "", "", [], []);

    public static CrdNames From(JsonNode? names)
    {
        var kind = JsonFields.Text(names, "kind") ?? "";
        return new CrdNames(
            JsonFields.Text(names, "plural") ?? "",
            JsonFields.Text(names, "singular") is { Length: > 0 } singular ? singular : kind.ToLowerInvariant(),
            kind,
            JsonFields.Text(names, "listKind") is { Length: > 0 } listKind ? listKind : kind + "List",
            JsonFields.Strings(names, "shortNames") ?? [],
            JsonFields.Strings(names, "categories") ?? []);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["plural"] = Plural, ["singular"] = Singular, ["kind"] = Kind, ["listKind"] = ListKind };
        if (ShortNames.Count > 0)
        {
            json["shortNames"] = new JsonArray([.. ShortNames.Select(n => (JsonNode?)n)]);
        }

        if (Categories.Count > 0)
        {
            json["categories"] = new JsonArray([.. Categories.Select(n => (JsonNode?)n)]);
        }

        return json;
    }
}
