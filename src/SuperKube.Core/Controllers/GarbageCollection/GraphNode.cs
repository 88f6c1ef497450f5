using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>An object the garbage collector has observed: where it lives, its owners and its deletion state.</summary>
internal sealed record GraphNode(
    ApiResource Resource, string Namespace, string Name, string Uid, IReadOnlyList<OwnerLink> Owners, bool Deleting, IReadOnlyList<string> Finalizers)
{
    /// <summary>Deleted in the foreground: it stays until its blocking dependents are gone.</summary>
    public bool DeletingDependents => Deleting && Finalizers.Contains(DeletionFinalizers.Foreground);

    /// <summary>Deleted with the orphan policy: its dependents lose their references to it first.</summary>
    public bool OrphaningDependents => Deleting && Finalizers.Contains(DeletionFinalizers.Orphan);

    public static GraphNode From(ApiResource resource, JsonObject obj) => From(resource, CollectorView.Read(obj));

    public static GraphNode From(ApiResource resource, CollectorMetadata metadata) =>
        new(
            resource,
            metadata.Namespace ?? "",
            metadata.Name ?? "",
            metadata.Uid ?? "",
            OwnerLink.Of(metadata.OwnerReferences),
            metadata.IsDeleting,
            metadata.Finalizers ?? []);

    public bool SameOwners(GraphNode other) => Owners.SequenceEqual(other.Owners);

    public override string ToString() => Namespace.Length == 0 ? $"{Resource.Plural}/{Name}" : $"{Resource.Plural}/{Namespace}/{Name}";
}
