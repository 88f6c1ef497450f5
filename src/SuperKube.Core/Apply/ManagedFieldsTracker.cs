using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Apply;

/// <summary>
/// Keeps <c>metadata.managedFields</c> on creates and updates (every write but server-side apply, which computes
/// ownership itself): the writer gets an Update entry for the fields it changed, and other managers lose them.
/// </summary>
internal static class ManagedFieldsTracker
{
    /// <summary>Managers named by no fieldManager and no user agent.</summary>
    public const string UnknownManager = "unknown";

    /// <summary>
    /// A create: managedFields sent in the body are kept (unless they reset), and the creator owns what it set.
    /// </summary>
    public static void RecordCreate(ResourceType type, JsonObject obj, WriteContext context, DateTimeOffset now)
    {
        if (context.IsApply)
        {
            return;
        }

        var raw = ManagedFieldsCodec.Raw(obj);
        var managers = !ManagedFieldsCodec.IsReset(raw) && ManagedFieldsCodec.TryDecode(raw, out var sent) ? sent : [];
        Record(type, null, obj, "", managers, context, now);
    }

    /// <summary>
    /// An update through the main resource or a subresource. Through the main resource, managedFields in the new
    /// object replace the stored ones when they are set (that is how clients migrate or strip them: <c>[]</c> or
    /// <c>[{}]</c> clears them); through a subresource the stored ones always count.
    /// </summary>
    public static void RecordUpdate(ResourceType type, JsonObject old, JsonObject updated, string subresource, WriteContext context, DateTimeOffset now)
    {
        if (context.IsApply || subresource == "binding")
        {
            return;
        }

        var raw = ManagedFieldsCodec.Raw(updated);
        List<ManagerEntry> managers;
        if (subresource.Length == 0 && ManagedFieldsCodec.IsReset(raw))
        {
            managers = [];
        }
        else if (subresource.Length > 0 || !ManagedFieldsCodec.TryDecode(raw, out managers))
        {
            ManagedFieldsCodec.TryDecode(ManagedFieldsCodec.Raw(old), out managers);
        }

        Record(type, old, updated, subresource, managers, context, now);
    }

    /// <summary>The changes between two versions of an object, limited to what the endpoint lets managers own.</summary>
    public static FieldChanges Changes(ResourceType type, JsonObject? before, JsonObject after, string subresource)
    {
        var raw = ObjectComparison.Compare(before, after, SchemaShape.For(type));
        return new FieldChanges(
            OwnershipScope.Filter(raw.Added, type, subresource),
            OwnershipScope.Filter(raw.Removed, type, subresource),
            OwnershipScope.Filter(raw.Modified, type, subresource));
    }

    private static void Record(
        ResourceType type, JsonObject? old, JsonObject updated, string subresource, List<ManagerEntry> managers, WriteContext context, DateTimeOffset now)
    {
        var changes = Changes(type, old, updated, subresource);
        var manager = context.FieldManager.Length == 0 ? UnknownManager : context.FieldManager;
        var writer = new ManagerEntry(manager, ManagerEntry.Update, type.ApiVersion, null, subresource, new FieldSet());
        ManagedFieldsCodec.Encode(updated, Ownership.Update(managers, writer, changes, ObjectMetadata.Timestamp(now)));
    }
}
