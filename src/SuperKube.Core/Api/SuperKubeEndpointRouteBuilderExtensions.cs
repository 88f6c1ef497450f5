#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Api;
using SuperKube.OpenApi;
using SuperKube.Security;
using SuperKube.Security.Audit;
using SuperKube.WatchCache;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Kubernetes API onto an ASP.NET Core application.</summary>
public static class SuperKubeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/api</c>, <c>/apis</c>, <c>/version</c>, the health endpoints and <c>/openapi</c>. Everything else
    /// under the application answers with the Kubernetes 404 Status. With <c>AddAudit</c>, every request is audited.
    /// </summary>
    public static IEndpointRouteBuilder MapSuperKubeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<ApiRequestHandler>();
        var gate = endpoints.ServiceProvider.GetRequiredService<RequestGate>();
        var auditor = endpoints.ServiceProvider.GetService<Auditor>();
        RequestDelegate Audited(RequestDelegate next) => auditor?.Wrap(next) ?? next;
        var api = Audited(handler.HandleAsync);
        endpoints.Map("/api", api);
        endpoints.Map("/api/{**rest}", api);
        endpoints.Map("/apis", api);
        endpoints.Map("/apis/{**rest}", api);
        endpoints.MapGet("/version", Audited(context => Responses.WriteJsonAsync(context, 200, VersionInfo.Document())));
        var health = ActivatorUtilities.CreateInstance<HealthEndpoint>(endpoints.ServiceProvider);
        foreach (var path in HealthEndpoint.Routes)
        {
            endpoints.MapGet(path, Audited(context => health.HandleAsync(context, path)));
            endpoints.MapGet(path + "/{check}", Audited(context => health.HandleAsync(context, path)));
        }

        var openApi = endpoints.ServiceProvider.GetRequiredService<OpenApiDocumentBuilder>();
        endpoints.MapGet("/openapi/v3", Audited(gate.Protect(context => Responses.WriteJsonAsync(context, 200, openApi.BuildRoot()))));
        endpoints.MapGet("/openapi/v3/{**path}", Audited(gate.Protect(context =>
        {
            var document = openApi.BuildForPath((string?)context.Request.RouteValues["path"] ?? "");
            return document is null
                ? Responses.WriteStatusAsync(context, ResourceEndpoint.NotFoundPath())
                : Responses.WriteJsonAsync(context, 200, document);
        })));
        RequestDelegate notFound = context => Responses.WriteStatusAsync(context, ResourceEndpoint.NotFoundPath());
        endpoints.Map("/openapi/v2", Audited(gate.Protect(notFound)));
        endpoints.MapFallback(Audited(gate.Protect(notFound)));
        return endpoints;
    }
}
