using System.Text.Json.Nodes;

namespace SuperKube.Security.Tests;

/// <summary>An in-memory <see cref="IObjectLookup"/>.</summary>
internal sealed class FakeObjects : IObjectLookup
{
    private readonly List<(string Group, string Resource, string Namespace, JsonObject Object)> _objects = [];

    public FakeObjects Add(string group, string resource, string ns, string json)
    {
        _objects.Add((group, resource, ns, JsonNode.Parse(json)!.AsObject()));
        Revision++;
        return this;
    }

    public long Revision { get; private set; }

    public (int Count, long Highest) Version(string group, string resource) =>
        (_objects.Count(o => o.Group == group && o.Resource == resource), Revision);

    public JsonObject? Find(string group, string resource, string ns, string name) =>
        List(group, resource, ns).FirstOrDefault(o => (string?)o["metadata"]?["name"] == name);

    public IReadOnlyList<JsonObject> List(string group, string resource, string ns) =>
        [.. _objects.Where(o => o.Group == group && o.Resource == resource && o.Namespace == ns).Select(o => o.Object)];
}
