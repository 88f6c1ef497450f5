using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Storage;

namespace SuperKube.Client;

/// <summary>
/// The API in-process: the same reader, writer and patch paths the HTTP endpoints use, without HTTP or
/// re-serialisation of requests. Components in the server process (controllers, scheduler, embedded node) use it.
/// </summary>
internal sealed class InProcessKubernetesClient(
    IResourceRegistry registry,
    ResourceReader reader,
    ResourceWriter writer,
    PatchHandler patches,
    SubresourceWriter subresources,
    string fieldManager = "superkube")
    : IKubernetesClient
{
    public IKubernetesClient WithFieldManager(string manager) => new InProcessKubernetesClient(registry, reader, writer, patches, subresources, manager);

    public async Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken) =>
        (await reader.FindAsync(Type(resource), ns ?? "", name, cancellationToken).ConfigureAwait(false))?.Parse();

    public async Task<ObjectList> ListAsync(ApiResource resource, string? ns, ListOptions? options, CancellationToken cancellationToken)
    {
        var result = await reader.ListAsync(Type(resource), ns, options ?? new ListOptions(), cancellationToken).ConfigureAwait(false);
        return new ObjectList(Revision(result.Revision), result.Items, result.Continue);
    }

    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ApiResource resource, string? ns, ListOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var type = Type(resource);
        options ??= new ListOptions();
        var filter = ObjectFilter.Create(type, options);
        using var watcher = await reader.WatchAsync(type, ns, options, cancellationToken).ConfigureAwait(false);
        foreach (var obj in watcher.Initial)
        {
            if (filter.Matches(obj))
            {
                yield return new WatchEvent("ADDED", obj, Revision(obj));
            }
        }

        while (await watcher.Events.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (watcher.Events.TryRead(out var e))
            {
                if (filter.Transition(e) is { } change)
                {
                    yield return new WatchEvent(WatchCache.CacheEvent.TypeName(change), e.Object, Revision(e.Object));
                }
            }
        }
    }

    public async Task<JsonObject> CreateAsync(ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken)
    {
        var result = await writer.CreateAsync(Type(resource), ns ?? "", obj.DeepClone().AsObject(), Context(), cancellationToken).ConfigureAwait(false);
        return Parse(result.Json);
    }

    /// <summary>
    /// Creates <paramref name="obj"/>, which is handed over (the writer fills in its metadata in place), without reading
    /// the stored object back (see <see cref="KubernetesClientExtensions.CreateWithoutResultAsync"/>).
    /// </summary>
    internal Task CreateHandedOverAsync(ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken) =>
        writer.CreateAsync(Type(resource), ns ?? "", obj, Context(), cancellationToken);

    public async Task<JsonObject> UpdateAsync(ApiResource resource, string? ns, JsonObject obj, string subresource, CancellationToken cancellationToken)
    {
        var copy = obj.DeepClone().AsObject();
        var result = await writer.UpdateAsync(Type(resource), ns ?? "", ObjectMetadata.Name(copy), subresource, _ => copy.DeepClone().AsObject(), Context(), cancellationToken)
            .ConfigureAwait(false);
        return Parse(result.Json);
    }

    public async Task<JsonObject> PatchAsync(
        ApiResource resource, string? ns, string name, PatchType type, JsonNode patch, string subresource, CancellationToken cancellationToken)
    {
        var contentType = type switch
        {
            PatchType.Json => MediaTypes.JsonPatch,
            PatchType.StrategicMerge => MediaTypes.StrategicMergePatch,
            _ => MediaTypes.MergePatch,
        };
        var result = await patches.PatchAsync(Type(resource), ns ?? "", name, subresource, contentType, JsonBytes.From(patch), null, Context(), cancellationToken)
            .ConfigureAwait(false);
        return Parse(result.Json);
    }

    public Task<JsonObject> CreateSubresourceAsync(
        ApiResource resource, string? ns, string name, string subresource, JsonObject body, CancellationToken cancellationToken) =>
        subresources.CreateAsync(Type(resource), ns ?? "", name, subresource, body.DeepClone().AsObject(), Context(), cancellationToken);

    public async Task<bool> DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            await writer.DeleteAsync(Type(resource), ns ?? "", name, options ?? new DeleteOptions(), Context(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            return false;
        }
    }

    private WriteContext Context() => WriteContext.Internal(fieldManager);

    private ResourceType Type(ApiResource resource) =>
        registry.Find(resource.Group, resource.Version, resource.Plural)
        ?? throw ApiException.NotFound(resource.Group, resource.Plural, "");

    private static string Revision(WatchCache.CachedObject obj) => obj.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored object as a node over the stored bytes (never changed once stored, so not copied).</summary>
    private static JsonObject Parse(ReadOnlyMemory<byte> json) =>
        JsonDocument.Parse(json).RootElement is { ValueKind: JsonValueKind.Object } root ? JsonObject.Create(root)! : new JsonObject();

    private static string Revision(long revision) => revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
