using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.Api.Discovery;

/// <summary>
/// Legacy (APIVersions, APIGroupList, APIGroup, APIResourceList) and aggregated (apidiscovery.k8s.io/v2)
/// discovery documents, generated from the registry and rebuilt when it changes.
/// </summary>
internal sealed class DiscoveryDocuments(IResourceRegistry registry)
{
    private Snapshot? _snapshot;

    /// <summary>The document for a discovery path (<c>/api</c>, <c>/apis/apps/v1</c>), or null when unknown.</summary>
    public byte[]? Legacy(string path) => Current().Legacy.GetValueOrDefault(path);

    /// <summary>The aggregated document for <c>/api</c> or <c>/apis</c>.</summary>
    public byte[] Aggregated(bool core) => core ? Current().AggregatedCore : Current().AggregatedGroups;

    private Snapshot Current()
    {
        var snapshot = _snapshot;
        var generation = registry.Generation;
        if (snapshot is null || snapshot.Generation != generation)
        {
            snapshot = Build(generation, registry.All);
            _snapshot = snapshot;
        }

        return snapshot;
    }

    private static Snapshot Build(long generation, IReadOnlyList<ResourceType> all)
    {
        var legacy = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var groups = GroupVersions(all);

        legacy["/api"] = JsonBytes.From(new JsonObject
        {
            ["kind"] = "APIVersions",
            ["versions"] = new JsonArray("v1"),
            ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "" }),
        });

        var groupList = new JsonArray();
        foreach (var (group, versions) in groups.Where(g => g.Key.Length > 0))
        {
            var groupDoc = LegacyGroup(group, versions.Keys);
            legacy["/apis/" + group] = JsonBytes.From(WithKind(groupDoc, "APIGroup"));
            groupList.Add(groupDoc.DeepClone());
        }

        legacy["/apis"] = JsonBytes.From(new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groupList });

        foreach (var (group, versions) in groups)
        {
            foreach (var (version, types) in versions)
            {
                var path = group.Length == 0 ? "/api/" + version : $"/apis/{group}/{version}";
                legacy[path] = JsonBytes.From(ResourceList(group, version, types));
            }
        }

        return new Snapshot(
            generation,
            legacy,
            JsonBytes.From(AggregatedList(groups.Where(g => g.Key.Length == 0))),
            JsonBytes.From(AggregatedList(groups.Where(g => g.Key.Length > 0))));
    }

    /// <summary>Group → version → resources, in registration order (the first version of a group is preferred).</summary>
    private static List<KeyValuePair<string, Dictionary<string, List<ResourceType>>>> GroupVersions(IReadOnlyList<ResourceType> all)
    {
        var result = new List<KeyValuePair<string, Dictionary<string, List<ResourceType>>>>();
        foreach (var type in all)
        {
            var index = result.FindIndex(g => g.Key == type.Group);
            if (index < 0)
            {
                result.Add(new(type.Group, []));
                index = result.Count - 1;
            }

            var versions = result[index].Value;
            if (!versions.TryGetValue(type.Version, out var list))
            {
                versions[type.Version] = list = [];
            }

            list.Add(type);
        }

        return result;
    }

    private static JsonObject LegacyGroup(string group, IEnumerable<string> versions)
    {
        var list = new JsonArray();
        foreach (var version in versions)
        {
            list.Add(new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = list[0]!.DeepClone(), // a group exists only with at least one version
        };
    }

    private static JsonObject WithKind(JsonObject doc, string kind)
    {
        var result = new JsonObject { ["kind"] = kind, ["apiVersion"] = "v1" };
        foreach (var (key, value) in doc)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static JsonObject ResourceList(string group, string version, List<ResourceType> types)
    {
        var resources = new JsonArray();
        foreach (var type in types)
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.IsNamespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(type.Verbs),
            };
            if (type.ShortNames.Count > 0)
            {
                resource["shortNames"] = Strings(type.ShortNames);
            }

            if (type.Categories.Count > 0)
            {
                resource["categories"] = Strings(type.Categories);
            }

            resources.Add(resource);
            foreach (var sub in type.Subresources)
            {
                var entry = new JsonObject
                {
                    ["name"] = $"{type.Plural}/{sub.Name}",
                    ["singularName"] = "",
                    ["namespaced"] = type.IsNamespaced,
                };
                if (sub.ResponseKind.Group != group || sub.ResponseKind.Version != version)
                {
                    entry["group"] = sub.ResponseKind.Group;
                    entry["version"] = sub.ResponseKind.Version;
                }

                entry["kind"] = sub.ResponseKind.Kind;
                entry["verbs"] = Strings(sub.Verbs);
                resources.Add(entry);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject AggregatedList(IEnumerable<KeyValuePair<string, Dictionary<string, List<ResourceType>>>> groups)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in groups)
        {
            var versionList = new JsonArray();
            foreach (var (version, types) in versions)
            {
                var resources = new JsonArray();
                foreach (var type in types)
                {
                    resources.Add(AggregatedResource(type));
                }

                versionList.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null },
                ["versions"] = versionList,
            });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static JsonObject AggregatedResource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["resource"] = type.Plural,
            ["responseKind"] = Gvk(type.GroupVersionKind),
            ["scope"] = type.IsNamespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = type.Singular,
            ["verbs"] = Strings(type.Verbs),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = Strings(type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = Strings(type.Categories);
        }

        if (type.Subresources.Count > 0)
        {
            var subs = new JsonArray();
            foreach (var sub in type.Subresources)
            {
                subs.Add(new JsonObject { ["subresource"] = sub.Name, ["responseKind"] = Gvk(sub.ResponseKind), ["verbs"] = Strings(sub.Verbs) });
            }

            resource["subresources"] = subs;
        }

        return resource;
    }

    private static JsonObject Gvk(GroupVersionKind gvk) =>
        new() { ["group"] = gvk.Group, ["version"] = gvk.Version, ["kind"] = gvk.Kind };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private sealed record Snapshot(long Generation, Dictionary<string, byte[]> Legacy, byte[] AggregatedCore, byte[] AggregatedGroups);
}
