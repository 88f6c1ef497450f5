using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>POSTs to subresources (<c>pods/binding</c>, <c>serviceaccounts/token</c> when security is on, later eviction), shared by HTTP and in-process clients.</summary>
internal sealed class SubresourceWriter(PodBinding binding, Security.Authentication.TokenRequests? tokens = null)
{
    public async Task<JsonObject> CreateAsync(
        ResourceType type, string ns, string name, string subresource, JsonObject body, WriteContext context, CancellationToken cancellationToken)
    {
        switch (type, subresource)
        {
            case ({ Group: "", Plural: "pods" }, "binding"):
                await binding.BindAsync(ns, name, body, context, cancellationToken).ConfigureAwait(false);
                return new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Success", ["code"] = 201 };
            case ({ Group: "", Plural: "serviceaccounts" }, "token") when tokens is not null:
                return tokens.Create(ns, name, body);
            default:
                throw ResourceEndpoint.NotFoundPath();
        }
    }
}
