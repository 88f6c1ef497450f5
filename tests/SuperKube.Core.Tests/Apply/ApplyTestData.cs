using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Apply.Tests;

/// <summary>Resource types and object builders shared by the apply tests.</summary>
internal static class ApplyTestData
{
    private static readonly IReadOnlyList<ResourceType> Types = BuiltInResources.Create();

    public static ResourceType Deployments => Type("apps", "deployments");

    public static ResourceType ConfigMaps => Type("", "configmaps");

    public static ResourceType Type(string group, string plural) => Types.First(t => t.Group == group && t.Plural == plural);

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A deployment configuration with one container.</summary>
    public static JsonObject Deployment(int replicas = 1, string image = "nginx:1.25", string extraLabels = "") => Json("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","labels":{"app":"web"EXTRA}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"web"}},
           "template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"nginx","image":"IMAGE","ports":[{"containerPort":80}]}]}}}}
        """.Replace("EXTRA", extraLabels, StringComparison.Ordinal)
        .Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("IMAGE", image, StringComparison.Ordinal));

    /// <summary>The managedFields entry of a manager, or null.</summary>
    public static JsonObject? Entry(JsonObject obj, string manager, string operation = "Apply") =>
        obj["metadata"]?["managedFields"]?.AsArray()
            .OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    public static string[] Path(params string[] elements) => elements;
}
