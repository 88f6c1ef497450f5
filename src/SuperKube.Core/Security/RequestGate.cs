using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Security.Audit;
using SuperKube.Security.Limits;

namespace SuperKube.Security;

/// <summary>
/// Authentication for every endpoint but the public health and version ones (no credentials: 401), and authorization
/// of non-resource paths such as discovery and OpenAPI.
/// </summary>
internal sealed class RequestGate(IAuthenticator authenticator, IAuthorizer authorizer, RequestLimiter limiter)
{
    public async ValueTask<UserInfo> AuthenticateAsync(HttpContext context)
    {
        var user = await authenticator.AuthenticateAsync(context, context.RequestAborted).ConfigureAwait(false)
            ?? throw new ApiException(401, "Unauthorized", "Unauthorized");
        if (AuditRecord.Of(context) is { } audit)
        {
            audit.User = user;
        }

        return user;
    }

    public async ValueTask AuthorizePathAsync(HttpContext context, UserInfo user)
    {
        var verb = context.Request.Method switch
        {
            "GET" or "HEAD" => "get",
            "POST" => "post",
            "PUT" => "put",
            "PATCH" => "patch",
            "DELETE" => "delete",
            var other => other.ToLowerInvariant(),
        };
        var attributes = new AuthorizationAttributes(user, verb, "", "", "", "", "", IsResourceRequest: false, context.Request.Path.Value ?? "/");
        AuditRecord.Of(context)?.Describe(attributes);
        if (await authorizer.AuthorizeAsync(attributes, context.RequestAborted).ConfigureAwait(false) is { } denial)
        {
            throw ForbiddenMessage.Exception(attributes, denial);
        }
    }

    /// <summary>Wraps a non-resource endpoint: authenticate, apply the request limits, authorize the path, then serve.</summary>
    public RequestDelegate Protect(RequestDelegate next) => async context =>
    {
        var lease = default(RequestLimiter.Lease);
        try
        {
            var user = await AuthenticateAsync(context).ConfigureAwait(false);
            lease = limiter.Admit(user, RequestLimiter.Classify(context.Request, null));
            await AuthorizePathAsync(context, user).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await Responses.WriteStatusAsync(context, ex).ConfigureAwait(false);
        }
        finally
        {
            lease.Dispose();
        }
    };
}
