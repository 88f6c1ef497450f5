using SuperKube.Registry;

namespace SuperKube.Apply;

/// <summary>
/// The fields no manager owns: type and identity metadata kept by the server, and whatever the written endpoint
/// does not change (status through the main resource of kinds with a status subresource, the rest through status).
/// </summary>
internal static class OwnershipScope
{
    private static readonly FieldSet ServerOwned = FieldSet.Of(
        [PathElement.Field("apiVersion")],
        [PathElement.Field("kind")],
        [PathElement.Field("metadata")],
        Meta("name"), Meta("namespace"), Meta("creationTimestamp"), Meta("selfLink"), Meta("uid"), Meta("clusterName"),
        Meta("generation"), Meta("managedFields"), Meta("resourceVersion"));

    private static readonly FieldSet Status = FieldSet.Of([PathElement.Field("status")]);

    /// <summary><paramref name="set"/> restricted to what a write through <paramref name="subresource"/> may own.</summary>
    public static FieldSet Filter(FieldSet set, ResourceType type, string subresource)
    {
        var owned = set.Difference(ServerOwned);
        return subresource switch
        {
            "status" => Only(owned, Status),
            "" when type.Strategy.HasStatus => owned.RecursiveDifference(Status),
            _ => owned,
        };
    }

    private static FieldSet Only(FieldSet set, FieldSet subtree) => set.Difference(set.RecursiveDifference(subtree));

    private static string[] Meta(string name) => [PathElement.Field("metadata"), PathElement.Field(name)];
}
