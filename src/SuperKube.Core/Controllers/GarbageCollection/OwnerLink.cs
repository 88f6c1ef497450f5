using SuperKube.Model.Meta;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>One entry of <c>metadata.ownerReferences</c> as the garbage collector uses it.</summary>
internal sealed record OwnerLink(string ApiVersion, string Kind, string Name, string Uid, bool BlockOwnerDeletion)
{
    /// <summary>The owner references of an object; entries without a uid are skipped.</summary>
    public static IReadOnlyList<OwnerLink> Of(IEnumerable<OwnerReference>? references) =>
        references is null
            ? []
            : [.. references.Where(r => r.Uid is { Length: > 0 })
                .Select(r => new OwnerLink(r.ApiVersion ?? "", r.Kind ?? "", r.Name ?? "", r.Uid!, r.BlockOwnerDeletion ?? false))];
}
