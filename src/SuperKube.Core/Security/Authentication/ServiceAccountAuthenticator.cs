using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SuperKube.Security.Authentication;

/// <summary>
/// Authenticates service-account JWTs: signature, expiry and audience, and that the service account (and a bound
/// pod) still exists with the uid the token names, so deleting either revokes its tokens.
/// </summary>
internal sealed class ServiceAccountAuthenticator(ServiceAccountTokens tokens, IObjectLookup objects, TimeProvider time) : IAuthenticator
{
    public ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BearerToken.From(context.Request) is { } token ? Authenticate(token) : null);

    public UserInfo? Authenticate(string token)
    {
        if (tokens.Validate(token, [tokens.Issuer], time.GetUtcNow()) is not { } claims)
        {
            return null;
        }

        if (!Exists("serviceaccounts", claims.Namespace, claims.Name, claims.Uid))
        {
            return null;
        }

        if (claims.PodName.Length > 0 && !Exists("pods", claims.Namespace, claims.PodName, claims.PodUid))
        {
            return null;
        }

        return claims.ToUser();
    }

    private bool Exists(string resource, string ns, string name, string uid) =>
        objects.Find("", resource, ns, name) is { } obj
        && (obj["metadata"] as JsonObject)?["uid"] is JsonValue v && v.TryGetValue<string>(out var actual)
        && (uid.Length == 0 || actual == uid)
        && (obj["metadata"] as JsonObject)?["deletionTimestamp"] is null;
}
