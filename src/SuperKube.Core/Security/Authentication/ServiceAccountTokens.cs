using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SuperKube.Security.Authentication;

/// <summary>
/// Issues and checks service-account tokens: ES256 JWTs with <c>iss</c>, <c>sub</c> =
/// <c>system:serviceaccount:NS:NAME</c>, <c>aud</c>, <c>iat</c>/<c>nbf</c>/<c>exp</c> and the <c>kubernetes.io</c>
/// claim naming the service account (and the pod a token is bound to) with their uids.
/// </summary>
internal sealed class ServiceAccountTokens(ECDsa key, string issuer)
{
    public const string DefaultIssuer = "https://kubernetes.default.svc.cluster.local";

    private readonly string _keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    public string Issuer => issuer;

    public string Issue(ServiceAccountClaims claims, IReadOnlyList<string> audiences, DateTimeOffset now, TimeSpan lifetime)
    {
        var account = new JsonObject { ["name"] = claims.Name, ["uid"] = claims.Uid };
        var kubernetes = new JsonObject { ["namespace"] = claims.Namespace, ["serviceaccount"] = account };
        if (claims.PodName.Length > 0)
        {
            kubernetes["pod"] = new JsonObject { ["name"] = claims.PodName, ["uid"] = claims.PodUid };
        }

        var payload = new JsonObject
        {
            ["aud"] = new JsonArray([.. audiences.Select(a => (JsonNode?)a)]),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = issuer,
            ["jti"] = Guid.NewGuid().ToString(),
            ["kubernetes.io"] = kubernetes,
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["sub"] = $"system:serviceaccount:{claims.Namespace}:{claims.Name}",
        };
        return Jwt.Sign(payload, key, _keyId);
    }

    /// <summary>The claims of a token signed by this issuer, valid at <paramref name="now"/> and meant for one of <paramref name="audiences"/>; else null.</summary>
    public ServiceAccountClaims? Validate(string token, IReadOnlyCollection<string> audiences, DateTimeOffset now)
    {
        if (Jwt.Verify(token, key) is not { } payload || Text(payload, "iss") != issuer)
        {
            return null;
        }

        var seconds = now.ToUnixTimeSeconds();
        if (Number(payload, "exp") is not { } exp || exp <= seconds || Number(payload, "nbf") is { } nbf && nbf > seconds + 60)
        {
            return null;
        }

        var tokenAudiences = payload["aud"] switch
        {
            JsonArray array => array.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList(),
            JsonValue single when single.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        if (!tokenAudiences.Any(audiences.Contains))
        {
            return null;
        }

        if (payload["kubernetes.io"] is not JsonObject kubernetes || kubernetes["serviceaccount"] is not JsonObject account)
        {
            return null;
        }

        var claims = new ServiceAccountClaims(
            Text(kubernetes, "namespace"), Text(account, "name"), Text(account, "uid"),
            kubernetes["pod"] is JsonObject pod ? Text(pod, "name") : "", kubernetes["pod"] is JsonObject p ? Text(p, "uid") : "");
        var subject = $"system:serviceaccount:{claims.Namespace}:{claims.Name}";
        return claims.Namespace.Length > 0 && claims.Name.Length > 0 && Text(payload, "sub") == subject
            ? claims with { Expires = DateTimeOffset.FromUnixTimeSeconds(exp) }
            : null;
    }

    private static string Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static long? Number(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
