using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>POSTs to subresources (<c>pods/binding</c>, <c>pods/eviction</c>, <c>serviceaccounts/token</c> when security is on), shared by HTTP and in-process clients.</summary>
internal sealed class SubresourceWriter(
    PodBinding binding, IResourceRegistry registry, ResourceReader reader, ResourceWriter writer, TimeProvider time,
    Security.Authentication.TokenRequests? tokens = null)
{
    private readonly PodEviction _eviction = new(registry, reader, writer, time);

    public async Task<JsonObject> CreateAsync(
        ResourceType type, string ns, string name, string subresource, JsonObject body, WriteContext context, CancellationToken cancellationToken)
    {
        switch (type, subresource)
        {
            case ({ Group: "", Plural: "pods" }, "binding"):
                await binding.BindAsync(ns, name, body, context, cancellationToken).ConfigureAwait(false);
                return Success();
            case ({ Group: "", Plural: "pods" }, "eviction"):
                await _eviction.EvictAsync(ns, name, body, context, cancellationToken).ConfigureAwait(false);
                return Success();
            case ({ Group: "", Plural: "serviceaccounts" }, "token") when tokens is not null:
                return tokens.Create(ns, name, body);
            default:
                throw ResourceEndpoint.NotFoundPath();
        }
    }

    private static JsonObject Success() =>
        new() { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 };
}
