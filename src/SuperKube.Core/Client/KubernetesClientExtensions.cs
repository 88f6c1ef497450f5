using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SuperKube.Model;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Client;

/// <summary>Typed access through the built-in model types (Pod, Deployment, ...).</summary>
public static class KubernetesClientExtensions
{
    public static async Task<T?> GetAsync<T>(this IKubernetesClient client, string? ns, string name, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        var obj = await client.GetAsync(ModelResources.For(typeof(T)), ns, name, cancellationToken).ConfigureAwait(false);
        return obj is null ? null : FromJson<T>(obj);
    }

    public static async Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAsync<T>(
        this IKubernetesClient client, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        var list = await client.ListAsync(ModelResources.For(typeof(T)), ns, options, cancellationToken).ConfigureAwait(false);
        return ([.. list.Items.Select(FromJson<T>)], list.ResourceVersion);
    }

    public static async Task<T> CreateAsync<T>(this IKubernetesClient client, T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        var json = ToJson(obj);
        var created = await client.CreateAsync(ModelResources.For(typeof(T)), ObjectMetadata.Namespace(json), json, cancellationToken).ConfigureAwait(false);
        return FromJson<T>(created);
    }

    /// <summary>Replaces the object, or only its status when <paramref name="status"/> is true.</summary>
    public static async Task<T> UpdateAsync<T>(this IKubernetesClient client, T obj, bool status = false, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        var json = ToJson(obj);
        var updated = await client.UpdateAsync(ModelResources.For(typeof(T)), ObjectMetadata.Namespace(json), json, status ? "status" : "", cancellationToken)
            .ConfigureAwait(false);
        return FromJson<T>(updated);
    }

    /// <summary>
    /// Creates an object whose stored form the caller has no use for (event recorders): the in-process client takes
    /// <paramref name="obj"/> over (its metadata is filled in place) and does not read the result back; other clients
    /// create as usual.
    /// </summary>
    internal static Task CreateWithoutResultAsync(this IKubernetesClient client, ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken) =>
        client is InProcessKubernetesClient inProcess
            ? inProcess.CreateHandedOverAsync(resource, ns, obj, cancellationToken)
            : client.CreateAsync(resource, ns, obj, cancellationToken);

    /// <summary>Converts JSON to a model (unknown fields are kept in the model's extension data).</summary>
    public static T FromJson<T>(JsonObject obj) where T : class =>
        obj.Deserialize(ModelTypeInfo.For<T>())
        ?? throw new JsonException($"null {typeof(T).Name}");

    /// <summary>Converts a model to JSON, filling apiVersion and kind when unset.</summary>
    public static JsonObject ToJson<T>(T obj) where T : class, IKubernetesObject
    {
        var json = JsonSerializer.SerializeToNode(obj, ModelTypeInfo.For<T>())!.AsObject();
        var resource = ModelResources.For(typeof(T));
        json["apiVersion"] ??= resource.Group.Length == 0 ? resource.Version : $"{resource.Group}/{resource.Version}";
        json["kind"] ??= ModelResources.KindOf(typeof(T));
        return json;
    }
}
