using System.Text.Json.Nodes;

namespace SuperKube.Security;

/// <summary>Reads the objects security decisions depend on (roles, bindings, service accounts, pods) without a request.</summary>
internal interface IObjectLookup
{
    JsonObject? Find(string group, string resource, string ns, string name);

    /// <summary>All objects of a resource in a namespace (or cluster-scoped when <paramref name="ns"/> is empty).</summary>
    IReadOnlyList<JsonObject> List(string group, string resource, string ns);
}
