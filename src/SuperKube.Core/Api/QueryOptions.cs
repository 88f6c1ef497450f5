using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Resources;
using SuperKube.Security;

namespace SuperKube.Api;

/// <summary>Reads the query parameters of resource requests into list, write and delete options.</summary>
internal static class QueryOptions
{
    public static ListOptions List(IQueryCollection query)
    {
        var limit = 0;
        if (query.TryGetValue("limit", out var limitText) && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            throw ApiException.BadRequest($"limit: Invalid value: \"{limitText}\": must be a non-negative integer");
        }

        TimeSpan? timeout = null;
        if (query.TryGetValue("timeoutSeconds", out var timeoutText))
        {
            if (!long.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                throw ApiException.BadRequest($"timeoutSeconds: Invalid value: \"{timeoutText}\": must be a non-negative integer");
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

        return new ListOptions
        {
            LabelSelector = query["labelSelector"].ToString(),
            FieldSelector = query["fieldSelector"].ToString(),
            Limit = limit,
            Continue = query["continue"].ToString(),
            ResourceVersion = query["resourceVersion"].ToString(),
            AllowWatchBookmarks = Bool(query, "allowWatchBookmarks"),
            SendInitialEvents = Bool(query, "sendInitialEvents"),
            Timeout = timeout,
        };
    }

    public static bool IsWatch(IQueryCollection query) => Bool(query, "watch");

    /// <summary>
    /// The write options of a request; <paramref name="deleteOptions"/> is the DeleteOptions body of a delete, whose
    /// <c>dryRun</c> counts as the query parameter does (kubectl sends it there).
    /// </summary>
    public static WriteContext Write(HttpContext context, UserInfo user, JsonObject? deleteOptions = null)
    {
        var query = context.Request.Query;
        var dryRun = query["dryRun"].Concat((deleteOptions?["dryRun"] as JsonArray ?? []).Select(v => v?.ToString())).ToList();
        foreach (var value in dryRun)
        {
            if (value != "All")
            {
                throw ApiException.Invalid("meta.k8s.io", "CreateOptions", "", [
                    Validation.FieldError.NotSupported("dryRun", value, ["All"])]);
            }
        }

        var validation = query["fieldValidation"].ToString() switch
        {
            "Strict" => FieldValidation.Strict,
            "" or "Warn" => FieldValidation.Warn,
            "Ignore" => FieldValidation.Ignore,
            var other => throw ApiException.BadRequest(
                $"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Warn\", \"Strict\""),
        };

        var manager = query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            var agent = context.Request.Headers.UserAgent.ToString();
            var slash = agent.IndexOf('/', StringComparison.Ordinal);
            manager = slash > 0 ? agent[..slash] : agent;
        }

        return new WriteContext { User = user, DryRun = dryRun.Count > 0, FieldManager = manager, FieldValidation = validation };
    }

    public static DeleteOptions Delete(IQueryCollection query, JsonObject? body)
    {
        long? grace = null;
        if (body?["gracePeriodSeconds"] is { } g)
        {
            grace = g.GetValue<long>();
        }
        else if (query.TryGetValue("gracePeriodSeconds", out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
        {
            grace = parsed;
        }

        var policy = (string?)body?["propagationPolicy"] ?? NullIfEmpty(query["propagationPolicy"].ToString());
        if (policy is null && (body?["orphanDependents"] is { } orphan ? orphan.GetValue<bool>() : Bool(query, "orphanDependents")))
        {
            policy = "Orphan";
        }

        if (policy is not (null or "Background" or "Foreground" or "Orphan"))
        {
            throw ApiException.Invalid("meta.k8s.io", "DeleteOptions", "", [
                Validation.FieldError.NotSupported("propagationPolicy", policy, ["Foreground", "Background", "Orphan", "nil"])]);
        }

        var preconditions = body?["preconditions"] as JsonObject;
        return new DeleteOptions
        {
            PropagationPolicy = policy,
            GracePeriodSeconds = grace,
            PreconditionUid = (string?)preconditions?["uid"],
            PreconditionResourceVersion = (string?)preconditions?["resourceVersion"],
        };
    }

    private static bool Bool(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && (value == "true" || value == "1");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
