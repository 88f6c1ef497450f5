using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SuperKube.Api.Discovery;
using SuperKube.Diagnostics;
using SuperKube.Security;
using SuperKube.Security.Limits;

namespace SuperKube.Api;

/// <summary>
/// The entry point of <c>/api</c> and <c>/apis</c>: authenticates, applies the request limits, serves discovery, hands resource requests to
/// <see cref="ResourceEndpoint"/>, and turns every failure into a Kubernetes Status (never a bare 500).
/// </summary>
internal sealed partial class ApiRequestHandler(
    RequestGate gate,
    DiscoveryDocuments discovery,
    ResourceEndpoint resources,
    RequestLimiter limiter,
    ILogger<ApiRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var user = await gate.AuthenticateAsync(context).ConfigureAwait(false);
            var path = context.Request.Path.Value ?? "/";
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var legacy = parts[0] == "api";
            var info = RequestInfo.Parse(legacy, parts[1..]);
            using var lease = limiter.Admit(user, RequestLimiter.Classify(context.Request, info));
            if (info is null)
            {
                await gate.AuthorizePathAsync(context, user).ConfigureAwait(false);
                await ServeDiscoveryAsync(context, legacy, path.TrimEnd('/')).ConfigureAwait(false);
                return;
            }

            await resources.HandleAsync(context, info, user).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(context, ex).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.Unhandled(logger, context.Request.Method, context.Request.Path, ex);
            await WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {ex.Message}")).ConfigureAwait(false);
        }
    }

    private async Task ServeDiscoveryAsync(HttpContext context, bool legacy, string path)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        if ((path is "/api" or "/apis") && MediaTypes.WantsAggregatedDiscovery(context.Request))
        {
            await Responses.WriteJsonAsync(context, 200, discovery.Aggregated(legacy), MediaTypes.AggregatedDiscovery).ConfigureAwait(false);
            return;
        }

        var document = discovery.Legacy(path) ?? throw ResourceEndpoint.NotFoundPath();
        await Responses.WriteJsonAsync(context, 200, document).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, ApiException error) =>
        context.Response.HasStarted ? Task.CompletedTask : Responses.WriteStatusAsync(context, error);

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api, Level = LogLevel.Error, Message = "Unhandled error serving {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, string method, PathString path, Exception exception);
    }
}
