namespace SuperKube.Registry;

/// <summary>
/// The set of served resources. Discovery, routing, Tables and OpenAPI read it; CRDs add to it at run time.
/// </summary>
public interface IResourceRegistry
{
    /// <summary>Raised after the set of resources changed (a CRD was established or removed).</summary>
    event EventHandler? Changed;

    /// <summary>A number that changes whenever the set of resources changes (for caches and OpenAPI hashes).</summary>
    long Generation { get; }

    /// <summary>All resources, in registration order (the order discovery lists them).</summary>
    IReadOnlyList<ResourceType> All { get; }

    /// <summary>Adds or replaces a resource (same group, version and plural).</summary>
    void Register(ResourceType type);

    /// <summary>Removes a resource; returns false when it was not registered.</summary>
    bool Unregister(string group, string version, string plural);

    /// <summary>Finds a resource by group, version and plural.</summary>
    ResourceType? Find(string group, string version, string plural);

    /// <summary>Finds the resource serving a kind in an apiVersion (<c>apps/v1</c>, <c>Deployment</c>).</summary>
    ResourceType? FindByKind(string apiVersion, string kind);
}
