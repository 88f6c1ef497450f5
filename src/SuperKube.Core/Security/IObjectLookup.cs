using System.Text.Json.Nodes;

namespace SuperKube.Security;

/// <summary>Reads the objects security decisions depend on (roles, bindings, service accounts, pods) without a request.</summary>
internal interface IObjectLookup
{
    JsonObject? Find(string group, string resource, string ns, string name);

    /// <summary>All objects of a resource in a namespace (or cluster-scoped when <paramref name="ns"/> is empty).</summary>
    IReadOnlyList<JsonObject> List(string group, string resource, string ns);

    /// <summary>
    /// A value that changes whenever an object of the resource (in any namespace) is created, updated or deleted, at the
    /// moment the change becomes visible to <see cref="Find"/> and <see cref="List"/>, and never comes back: a result
    /// computed from objects read after seeing version V stays right while the version is still V.
    /// </summary>
    (int Count, long Highest) Version(string group, string resource);
}
