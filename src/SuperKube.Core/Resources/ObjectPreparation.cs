using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// What the server owns in an object and keeps right on every write: type meta, namespace, uid, timestamps,
/// generation, and the split between the main resource and its status subresource.
/// </summary>
internal static class ObjectPreparation
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly string[] ServerOwnedOnCreate =
        ["uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink"];

    /// <summary>Checks apiVersion/kind/namespace against the endpoint and fills them in.</summary>
    public static void BindToEndpoint(ResourceType type, JsonObject obj, string ns, string name)
    {
        var apiVersion = obj["apiVersion"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)obj["apiVersion"] : null;
        var kind = obj["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)obj["kind"] : null;
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != type.ApiVersion)
        {
            throw ApiException.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var meta = ObjectMetadata.Of(obj);
        var bodyNs = ObjectMetadata.Namespace(obj);
        if (type.IsNamespaced)
        {
            if (bodyNs.Length > 0 && ns.Length > 0 && bodyNs != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            if (ns.Length > 0)
            {
                meta["namespace"] = ns;
            }
        }
        else if (meta["namespace"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)
        {
            meta.Remove("namespace");
        }

        if (name.Length > 0)
        {
            var bodyName = ObjectMetadata.Name(obj);
            if (bodyName.Length > 0 && bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            meta["name"] = name;
        }
    }

    /// <summary>
    /// The "None" conversion between versions of one group that share storage (custom resource versions): only
    /// apiVersion changes. Objects of another group (core and events.k8s.io events) are left alone.
    /// </summary>
    public static void ConvertToVersion(ResourceType type, JsonObject obj)
    {
        if (obj["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var apiVersion) && apiVersion != type.ApiVersion
            && apiVersion.Contains('/', StringComparison.Ordinal) && apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] == type.Group)
        {
            obj["apiVersion"] = type.ApiVersion;
        }
    }

    /// <summary>Resets server-owned metadata for a create and generates the name from generateName.</summary>
    public static void PrepareCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        var meta = ObjectMetadata.Of(obj);
        foreach (var field in ServerOwnedOnCreate)
        {
            meta.Remove(field);
        }

        DropEmptyLists(meta);

        if (ObjectMetadata.Name(obj).Length == 0 && meta["generateName"] is JsonValue g && g.TryGetValue<string>(out var prefix) && prefix.Length > 0)
        {
            meta["name"] = prefix + RandomSuffix();
        }

        if (type.Strategy.HasStatus && type.Kind is not ("Node" or "Namespace" or "CustomResourceDefinition"))
        {
            obj.Remove("status");
        }

        if (UsesGeneration(type))
        {
            meta["generation"] = 1;
        }
    }

    /// <summary>
    /// Stamps identity and creation time (after validation and admission, just before storing). A uid an admission
    /// plugin assigned (to record what it reserved for the object) is kept; clients cannot set one.
    /// </summary>
    public static void StampCreate(JsonObject obj, DateTimeOffset now)
    {
        var meta = ObjectMetadata.Of(obj);
        if (ObjectMetadata.Uid(obj).Length == 0)
        {
            meta["uid"] = Guid.NewGuid().ToString();
        }

        meta["creationTimestamp"] = ObjectMetadata.Timestamp(now);
    }

    /// <summary>
    /// Builds the object to store for an update of the main resource (<paramref name="subresource"/> "") or its
    /// status: server-owned metadata comes from <paramref name="old"/>, and the spec/status split is enforced.
    /// </summary>
    public static JsonObject PrepareUpdate(ResourceType type, JsonObject old, JsonObject updated, string subresource)
    {
        JsonObject result;
        if (subresource == "binding")
        {
            // The server's own change (pods/binding): taken as produced, spec and status alike.
            return updated;
        }

        if (subresource == "finalize")
        {
            // namespaces/NAME/finalize changes spec.finalizers and nothing else.
            result = (JsonObject)old.DeepClone();
            var spec = result["spec"] as JsonObject ?? [];
            spec.Remove("finalizers");
            if ((updated["spec"] as JsonObject)?["finalizers"] is { } finalizers)
            {
                spec["finalizers"] = finalizers.DeepClone();
            }

            result["spec"] = spec;
            return result;
        }

        if (subresource == "status")
        {
            result = (JsonObject)old.DeepClone();
            result.Remove("status");
            if (updated["status"] is { } status)
            {
                result["status"] = status.DeepClone();
            }

            return result;
        }

        result = updated;
        var meta = ObjectMetadata.Of(result);
        var oldMeta = ObjectMetadata.Of(old);
        foreach (var field in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            meta.Remove(field);
            if (oldMeta[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
        }

        DropEmptyLists(meta);

        if (type.Strategy.HasStatus)
        {
            result.Remove("status");
            if (old["status"] is { } oldStatus)
            {
                result["status"] = oldStatus.DeepClone();
            }
        }

        return result;
    }

    /// <summary>Bumps metadata.generation when anything but metadata and status changed.</summary>
    public static void BumpGeneration(ResourceType type, JsonObject old, JsonObject updated)
    {
        if (!UsesGeneration(type) || !SpecChanged(old, updated))
        {
            return;
        }

        var current = ObjectMetadata.Of(old)["generation"] is JsonValue v && v.TryGetValue<long>(out var g) ? g : 0;
        ObjectMetadata.Of(updated)["generation"] = current + 1;
    }

    /// <summary>True when the two objects differ outside metadata and status.</summary>
    public static bool SpecChanged(JsonObject old, JsonObject updated)
    {
        var keys = old.Select(p => p.Key).Concat(updated.Select(p => p.Key)).Where(k => k is not ("metadata" or "status")).Distinct();
        return keys.Any(k => !JsonNode.DeepEquals(old[k], updated[k]));
    }

    /// <summary>
    /// Drops empty finalizer and owner reference lists, as Kubernetes does (they are omitempty there): removing the
    /// last finalizer with a patch leaves no <c>finalizers: []</c> behind.
    /// </summary>
    private static void DropEmptyLists(JsonObject meta)
    {
        foreach (var list in (string[])["finalizers", "ownerReferences"])
        {
            if (meta[list] is JsonArray { Count: 0 })
            {
                meta.Remove(list);
            }
        }
    }

    private static bool UsesGeneration(ResourceType type) => type.Strategy.HasStatus;

    /// <summary>Five random characters of the alphabet upstream uses for <c>generateName</c> (no vowels, no look-alikes).</summary>
    public static string RandomSuffix() =>
        string.Create(5, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = GenerateNameAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
            }
        });
}
