using System.Text.Json.Nodes;
using SuperKube.Resources;

namespace SuperKube.Client;

/// <summary>
/// The Kubernetes API as components use it: the same semantics in-process (no HTTP hop) and against a remote
/// server. Objects are JSON; typed helpers are extension methods. Failures throw <see cref="Api.ApiException"/>
/// with the Kubernetes status code and reason.
/// </summary>
public interface IKubernetesClient
{
    /// <summary>A client that writes with another field manager name.</summary>
    IKubernetesClient WithFieldManager(string fieldManager);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken);

    /// <summary>Lists objects of a namespace (or all namespaces when <paramref name="ns"/> is null).</summary>
    Task<ObjectList> ListAsync(ApiResource resource, string? ns, ListOptions? options, CancellationToken cancellationToken);

    /// <summary>Watches from <c>options.ResourceVersion</c>; "" replays the current objects first.</summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(ApiResource resource, string? ns, ListOptions? options, CancellationToken cancellationToken);

    Task<JsonObject> CreateAsync(ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken);

    /// <summary>Replaces an object (or its status with <paramref name="subresource"/> "status"); name from the object.</summary>
    Task<JsonObject> UpdateAsync(ApiResource resource, string? ns, JsonObject obj, string subresource, CancellationToken cancellationToken);

    Task<JsonObject> PatchAsync(
        ApiResource resource, string? ns, string name, PatchType type, JsonNode patch, string subresource, CancellationToken cancellationToken);

    /// <summary>POSTs to a subresource such as <c>pods/binding</c>; returns the response object.</summary>
    Task<JsonObject> CreateSubresourceAsync(
        ApiResource resource, string? ns, string name, string subresource, JsonObject body, CancellationToken cancellationToken);

    /// <summary>Deletes an object; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken);
}
