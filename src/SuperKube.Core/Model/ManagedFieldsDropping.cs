namespace SuperKube.Model;

/// <summary>
/// What in-process watchers keep of an object: no <c>metadata.managedFields</c>, which nothing but the API server
/// reads and which is the largest part of most objects (client-go's informers drop it the same way).
/// </summary>
internal static class ManagedFieldsDropping
{
    /// <summary>Removes <c>metadata.managedFields</c> (writing only when there are any) and returns the object.</summary>
    public static T WithoutManagedFields<T>(this T obj) where T : IKubernetesObject
    {
        if (obj.Metadata is { ManagedFields: not null } metadata)
        {
            metadata.ManagedFields = null;
        }

        return obj;
    }
}
