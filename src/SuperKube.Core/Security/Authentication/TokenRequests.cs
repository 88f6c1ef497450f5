using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Validation;

namespace SuperKube.Security.Authentication;

/// <summary>
/// <c>POST serviceaccounts/NAME/token</c> (TokenRequest, used by <c>kubectl create token</c>): issues a JWT for the
/// service account with the requested audiences (default: the API server) and lifetime (default one hour, at least
/// ten minutes, at most 48 hours), optionally bound to a pod.
/// </summary>
internal sealed class TokenRequests(ServiceAccountTokens tokens, IObjectLookup objects, TimeProvider time)
{
    private const long MinimumSeconds = 600;
    private const long MaximumSeconds = 48 * 3600;

    public JsonObject Create(string ns, string name, JsonObject body)
    {
        var account = objects.Find("", "serviceaccounts", ns, name)
            ?? throw new ApiException(404, "NotFound", $"serviceaccounts \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = "serviceaccounts" });
        var spec = body["spec"] as JsonObject ?? [];
        var audiences = (spec["audiences"] as JsonArray ?? []).Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(a => a.Length > 0).ToList();
        if (audiences.Count == 0)
        {
            audiences.Add(tokens.Issuer);
        }

        var seconds = spec["expirationSeconds"] is JsonValue e && e.TryGetValue<long>(out var requested) ? requested : 3600;
        if (seconds < MinimumSeconds)
        {
            throw ApiException.Invalid("authentication.k8s.io", "TokenRequest", name,
                [FieldError.Invalid("spec.expirationSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "may not specify a duration less than 10 minutes")]);
        }

        seconds = Math.Min(seconds, MaximumSeconds);
        var claims = new ServiceAccountClaims(ns, name, ObjectMetadata.Uid(account));
        if (spec["boundObjectRef"] is JsonObject bound)
        {
            claims = Bind(claims, ns, bound);
        }

        var now = time.GetUtcNow();
        var token = tokens.Issue(claims, audiences, now, TimeSpan.FromSeconds(seconds));
        var resultSpec = spec.DeepClone().AsObject();
        resultSpec["audiences"] = new JsonArray([.. audiences.Select(a => (JsonNode?)a)]);
        resultSpec["expirationSeconds"] = seconds;
        return new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["creationTimestamp"] = ObjectMetadata.Timestamp(now) },
            ["spec"] = resultSpec,
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = ObjectMetadata.Timestamp(now.AddSeconds(seconds)) },
        };
    }

    private ServiceAccountClaims Bind(ServiceAccountClaims claims, string ns, JsonObject bound)
    {
        var kind = (string?)bound["kind"] ?? "";
        var boundName = (string?)bound["name"] ?? "";
        if (kind != "Pod")
        {
            throw ApiException.Invalid("authentication.k8s.io", "TokenRequest", claims.Name,
                [FieldError.NotSupported("spec.boundObjectRef.kind", kind, ["Pod"])]);
        }

        var pod = objects.Find("", "pods", ns, boundName)
            ?? throw new ApiException(404, "NotFound", $"pods \"{boundName}\" not found", new JsonObject { ["name"] = boundName, ["kind"] = "pods" });
        var uid = ObjectMetadata.Uid(pod);
        if (bound["uid"] is JsonValue u && u.TryGetValue<string>(out var wanted) && wanted.Length > 0 && wanted != uid)
        {
            throw new ApiException(409, "Conflict", $"the UID in the bound object reference ({wanted}) does not match the UID in record. The object might have been deleted and then recreated");
        }

        return claims with { PodName = boundName, PodUid = uid };
    }
}
