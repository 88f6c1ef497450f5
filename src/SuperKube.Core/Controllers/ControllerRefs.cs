using SuperKube.Client;
using SuperKube.Model;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers;

/// <summary>Owner references: who controls an object, and the reference a controller puts on what it creates.</summary>
internal static class ControllerRefs
{
    /// <summary>The owner reference with <c>controller: true</c>, or null.</summary>
    public static OwnerReference? ControllerOf(ObjectMeta? meta)
    {
        if (meta?.OwnerReferences is not { } owners)
        {
            return null;
        }

        foreach (var owner in owners)
        {
            if (owner.Controller == true)
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>True when the object's controller has the given UID.</summary>
    public static bool IsControlledBy(IKubernetesObject obj, string? uid) =>
        uid is { Length: > 0 } && ControllerOf(obj.Metadata)?.Uid == uid;

    /// <summary>True when the reference names an owner of the given kind in the given API group.</summary>
    public static bool Refers(OwnerReference reference, string group, string kind) =>
        reference.Kind == kind && Group(reference.ApiVersion) == group;

    /// <summary>A controller reference to <paramref name="owner"/>, blocking its foreground deletion.</summary>
    public static OwnerReference For<T>(T owner)
        where T : class, IKubernetesObject
    {
        var resource = ModelResources.For(typeof(T));
        return new OwnerReference
        {
            ApiVersion = resource.Group.Length == 0 ? resource.Version : $"{resource.Group}/{resource.Version}",
            Kind = ModelResources.KindOf(typeof(T)),
            Name = owner.Metadata?.Name,
            Uid = owner.Metadata?.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    /// <summary>The group of an apiVersion (<c>apps/v1</c> → <c>apps</c>, <c>v1</c> → "").</summary>
    public static string Group(string? apiVersion)
    {
        if (apiVersion is null)
        {
            return "";
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
