using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SuperKube.Security.Authentication;

/// <summary>
/// Authenticates service-account JWTs: signature, expiry and audience, and that the service account (and a bound
/// pod) still exists with the uid the token names, so deleting either revokes its tokens.
/// </summary>
/// <remarks>
/// The claims of a token whose signature was verified are remembered until it expires, so the signature is checked
/// once per token; the service account (and pod) are looked up on every request, so deleting them revokes at once.
/// </remarks>
internal sealed class ServiceAccountAuthenticator(ServiceAccountTokens tokens, IObjectLookup objects, TimeProvider time) : IAuthenticator
{
    private const int MaxRemembered = 4096;
    private readonly ConcurrentDictionary<string, ServiceAccountClaims> _verified = new(StringComparer.Ordinal);

    public ValueTask<UserInfo?> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BearerToken.From(context.Request) is { } token ? Authenticate(token) : null);

    public UserInfo? Authenticate(string token)
    {
        var now = time.GetUtcNow();
        if (!_verified.TryGetValue(token, out var claims) || now >= claims.Expires)
        {
            claims = tokens.Validate(token, [tokens.Issuer], now);
            if (claims is null)
            {
                _verified.TryRemove(token, out _);
                return null;
            }

            if (_verified.Count >= MaxRemembered)
            {
                _verified.Clear();
            }

            _verified[token] = claims;
        }

        if (!Exists("serviceaccounts", claims.Namespace, claims.Name, claims.Uid)
            || (claims.PodName.Length > 0 && !Exists("pods", claims.Namespace, claims.PodName, claims.PodUid)))
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
