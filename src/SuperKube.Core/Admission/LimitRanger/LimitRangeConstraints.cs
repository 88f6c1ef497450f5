using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Admission.LimitRanger;

/// <summary>
/// Upstream LimitRanger's min, max and maxLimitRequestRatio checks of one LimitRange item against observed requests
/// and limits, with its messages (<c>maximum cpu usage per Container is 1, but limit is 2</c>).
/// </summary>
internal static class LimitRangeConstraints
{
    /// <summary>The errors of <paramref name="item"/> (one LimitRange limit) for one container or pod.</summary>
    public static IEnumerable<string> Check(JsonObject item, string limitType, QuantityMap requests, QuantityMap limits) =>
        Min(item, limitType, requests, limits).Concat(Max(item, limitType, requests, limits)).Concat(Ratio(item, limitType, requests, limits));

    /// <summary>
    /// The errors of a PersistentVolumeClaim item: only the claim's requests count (its limits are not user input
    /// upstream), and max is checked against the request.
    /// </summary>
    public static IEnumerable<string> CheckClaim(JsonObject item, QuantityMap requests)
    {
        const string limitType = "PersistentVolumeClaim";
        foreach (var error in Min(item, limitType, requests, new QuantityMap()))
        {
            yield return error;
        }

        foreach (var (name, enforced) in QuantityMap.Read(JsonRead.Object(item, "max")))
        {
            if (!requests.TryGetValue(name, out var request))
            {
                yield return $"maximum {name} usage per {limitType} is {enforced.Text}.  No request is specified";
            }
            else if (request.Value > enforced.Value)
            {
                yield return $"maximum {name} usage per {limitType} is {enforced.Text}, but request is {request.Text}";
            }
        }
    }

    private static IEnumerable<string> Min(JsonObject item, string limitType, QuantityMap requests, QuantityMap limits)
    {
        foreach (var (name, enforced) in QuantityMap.Read(JsonRead.Object(item, "min")))
        {
            var hasRequest = requests.TryGetValue(name, out var request);
            var hasLimit = limits.TryGetValue(name, out var limit);
            if (!hasRequest)
            {
                yield return $"minimum {name} usage per {limitType} is {enforced.Text}.  No request is specified";
            }
            else if (request.Value < enforced.Value)
            {
                yield return $"minimum {name} usage per {limitType} is {enforced.Text}, but request is {request.Text}";
            }
            else if (hasLimit && limit.Value < enforced.Value)
            {
                yield return $"minimum {name} usage per {limitType} is {enforced.Text}, but limit is {limit.Text}";
            }
        }
    }

    private static IEnumerable<string> Max(JsonObject item, string limitType, QuantityMap requests, QuantityMap limits)
    {
        foreach (var (name, enforced) in QuantityMap.Read(JsonRead.Object(item, "max")))
        {
            var hasRequest = requests.TryGetValue(name, out var request);
            var hasLimit = limits.TryGetValue(name, out var limit);
            if (!hasLimit)
            {
                yield return $"maximum {name} usage per {limitType} is {enforced.Text}.  No limit is specified";
            }
            else if (limit.Value > enforced.Value)
            {
                yield return $"maximum {name} usage per {limitType} is {enforced.Text}, but limit is {limit.Text}";
            }
            else if (hasRequest && request.Value > enforced.Value)
            {
                yield return $"maximum {name} usage per {limitType} is {enforced.Text}, but request is {request.Text}";
            }
        }
    }

    private static IEnumerable<string> Ratio(JsonObject item, string limitType, QuantityMap requests, QuantityMap limits)
    {
        foreach (var (name, enforced) in QuantityMap.Read(JsonRead.Object(item, "maxLimitRequestRatio")))
        {
            if (!requests.TryGetValue(name, out var request) || request.Value == 0)
            {
                yield return $"{name} max limit to request ratio per {limitType} is {enforced.Text}, but no request is specified or request is 0";
            }
            else if (!limits.TryGetValue(name, out var limit) || limit.Value == 0)
            {
                yield return $"{name} max limit to request ratio per {limitType} is {enforced.Text}, but no limit is specified or limit is 0";
            }
            else if (limit.Value / request.Value > enforced.Value)
            {
                var ratio = (double)(limit.Value / request.Value);
                yield return $"{name} max limit to request ratio per {limitType} is {enforced.Text}, but provided ratio is {ratio.ToString("F6", CultureInfo.InvariantCulture)}";
            }
        }
    }
}
