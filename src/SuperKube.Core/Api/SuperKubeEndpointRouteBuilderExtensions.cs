#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Api;
using SuperKube.OpenApi;
using SuperKube.Security;
using SuperKube.WatchCache;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Kubernetes API onto an ASP.NET Core application.</summary>
public static class SuperKubeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/api</c>, <c>/apis</c>, <c>/version</c>, the health endpoints and <c>/openapi</c>. Everything else
    /// under the application answers with the Kubernetes 404 Status.
    /// </summary>
    public static IEndpointRouteBuilder MapSuperKubeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<ApiRequestHandler>();
        var cache = endpoints.ServiceProvider.GetRequiredService<ResourceWatchCache>();
        var gate = endpoints.ServiceProvider.GetRequiredService<RequestGate>();
        RequestDelegate api = handler.HandleAsync;
        endpoints.Map("/api", api);
        endpoints.Map("/api/{**rest}", api);
        endpoints.Map("/apis", api);
        endpoints.Map("/apis/{**rest}", api);
        endpoints.MapGet("/version", context => Responses.WriteJsonAsync(context, 200, VersionInfo.Document()));
        var health = ActivatorUtilities.CreateInstance<HealthEndpoint>(endpoints.ServiceProvider);
        foreach (var path in HealthEndpoint.Routes)
        {
            endpoints.MapGet(path, context => health.HandleAsync(context, path));
            endpoints.MapGet(path + "/{check}", context => health.HandleAsync(context, path));
        }

        var openApi = endpoints.ServiceProvider.GetRequiredService<OpenApiDocumentBuilder>();
        endpoints.MapGet("/openapi/v3", gate.Protect(context => Responses.WriteJsonAsync(context, 200, openApi.BuildRoot())));
        endpoints.MapGet("/openapi/v3/{**path}", gate.Protect(context =>
        {
            var document = openApi.BuildForPath((string?)context.Request.RouteValues["path"] ?? "");
            return document is null
                ? Responses.WriteStatusAsync(context, ResourceEndpoint.NotFoundPath())
                : Responses.WriteJsonAsync(context, 200, document);
        }));
        RequestDelegate notFound = context => Responses.WriteStatusAsync(context, ResourceEndpoint.NotFoundPath());
        endpoints.Map("/openapi/v2", gate.Protect(notFound));
        endpoints.MapFallback(gate.Protect(notFound));
        return endpoints;
    }
}
