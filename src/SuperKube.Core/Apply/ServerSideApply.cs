using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// Server-side apply (<c>application/apply-patch+yaml</c>): the configuration is merged into the live object, the
/// applier owns exactly the fields it configured, fields it applied before and leaves out now are removed unless
/// another manager owns them, and changing a field another manager owns is a conflict unless forced (then the
/// field changes hands).
/// </summary>
internal static class ServerSideApply
{
    /// <summary>The manager that owns the fields of an object written before it had managedFields.</summary>
    public const string BeforeFirstApply = "before-first-apply";

    /// <summary>
    /// The object after <paramref name="manager"/> applies <paramref name="config"/> to <paramref name="live"/> (null
    /// when the object does not exist yet), with its managedFields. Throws the 409 conflict error, or 400 for a
    /// configuration that carries managedFields or another API version.
    /// </summary>
    public static JsonObject Apply(
        ResourceType type, JsonObject? live, JsonObject config, string subresource, string manager, bool force, DateTimeOffset now)
    {
        CheckConfig(type, config);
        var schema = SchemaShape.For(type);
        var liveFields = live is null ? new JsonObject() : ManagedFieldsCodec.Without(live);
        var managers = Managers(type, live, liveFields, schema, subresource);
        var applied = OwnershipScope.Filter(ObjectFields.Of(config, schema), type, subresource);
        var applier = new ManagerEntry(manager, ManagerEntry.Apply, type.ApiVersion, null, subresource, applied);
        var previous = managers.FirstOrDefault(m => m.SameManager(applier));
        var others = managers.Where(m => !m.SameManager(applier)).ToList();

        var merged = ApplyMerge.Merge(liveFields, config, schema);
        if (previous is not null)
        {
            var owned = others.Aggregate(applied, (set, m) => set.Union(m.Fields));
            RemoveUnapplied(merged, previous.Fields.Difference(applied), owned);
        }

        var changes = ManagedFieldsTracker.Changes(type, live is null ? null : liveFields, merged, subresource);
        var conflicts = Ownership.Conflicts(others, applier, changes);
        if (conflicts.Count > 0 && !force)
        {
            throw ApplyConflictError.Create(conflicts);
        }

        var result = Ownership.TakeFromOthers(others, applier, changes);
        var changed = !changes.IsEmpty || previous is null || !previous.Fields.SetEquals(applied);
        result.Add(applier with { Time = changed ? ObjectMetadata.Timestamp(now) : previous!.Time });
        ManagedFieldsCodec.Encode(merged, result);
        return merged;
    }

    /// <summary>400 for a configuration that carries managedFields or names another API version.</summary>
    public static void CheckConfig(ResourceType type, JsonObject config)
    {
        if (ManagedFieldsCodec.Raw(config) is not null)
        {
            throw ApiException.BadRequest("metadata.managedFields must be nil");
        }

        var apiVersion = config["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
        if (apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest(
                $"Incorrect version specified in apply patch. Specified patch version: {apiVersion}, expected: {type.ApiVersion}");
        }
    }

    /// <summary>The live managers; an existing object without any gets one Update manager owning all its fields.</summary>
    private static List<ManagerEntry> Managers(ResourceType type, JsonObject? live, JsonObject liveFields, StructuralSchema? schema, string subresource)
    {
        if (live is null)
        {
            return [];
        }

        if (ManagedFieldsCodec.TryDecode(ManagedFieldsCodec.Raw(live), out var managers))
        {
            return managers;
        }

        var all = OwnershipScope.Filter(ObjectFields.Of(liveFields, schema), type, subresource);
        return [new ManagerEntry(BeforeFirstApply, ManagerEntry.Update, type.ApiVersion, null, "", all)];
    }

    /// <summary>Removes what the applier dropped from its configuration, except what some manager (still) owns.</summary>
    private static void RemoveUnapplied(JsonObject merged, FieldSet dropped, FieldSet owned)
    {
        foreach (var path in dropped.Paths())
        {
            if (!owned.ContainsAtOrBelow(path))
            {
                FieldRemoval.Remove(merged, path);
            }
        }
    }
}
