using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Diagnostics;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Calls one matching webhook for a request and applies upstream's rules around the call: dry-run requests skip
/// webhooks with side effects, call failures fail the request (500) unless <c>failurePolicy: Ignore</c>, a denial
/// becomes <c>admission webhook "x" denied the request: ...</c>, and warnings go to the response's Warning headers.
/// </summary>
internal sealed partial class WebhookDispatcher(WebhookMatcher matcher, WebhookClient client, ILogger<WebhookDispatcher> logger)
{
    /// <summary>
    /// Calls <paramref name="webhook"/> when it intercepts <paramref name="request"/>. Returns its allowed answer (null
    /// when it does not match or was ignored after a failure); throws the request's rejection otherwise.
    /// </summary>
    public async Task<WebhookResponse?> CallAsync(AdmissionWebhook webhook, AdmissionRequest request, bool mutating, CancellationToken cancellationToken)
    {
        if (matcher.Match(webhook, request) is not { } matched)
        {
            return null;
        }

        if (request.DryRun && !webhook.DryRunSafe)
        {
            throw ApiException.BadRequest($"admission webhook \"{webhook.Name}\" does not support dry run");
        }

        var uid = Guid.NewGuid().ToString();
        WebhookResponse response;
        try
        {
            var body = await client.PostAsync(webhook, AdmissionReview.Create(request, matched, uid), cancellationToken).ConfigureAwait(false);
            response = AdmissionReview.ParseResponse(body, uid, mutating);
        }
        catch (WebhookCallException ex) when (webhook.FailOpen)
        {
            Log.FailingOpen(logger, webhook.Name, ex.Message);
            return null;
        }
        catch (WebhookCallException ex)
        {
            Log.FailingClosed(logger, webhook.Name, ex.Message);
            throw InternalError($"failed calling webhook \"{webhook.Name}\": {ex.Message}");
        }

        if (!response.Allowed)
        {
            Log.Denied(logger, webhook.Name, request.Resource.Plural, request.Namespace, request.Name);
            throw Denied(webhook.Name, response.Status);
        }

        return response;
    }

    /// <summary>Upstream's InternalError Status (500), the answer to a webhook that failed closed or returned a bad patch.</summary>
    public static ApiException InternalError(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    /// <summary>Upstream's ToStatusErr: the webhook's Status with code at least 400 and the message prefixed by who denied it.</summary>
    private static ApiException Denied(string webhook, JsonObject? status)
    {
        var deniedBy = $"admission webhook \"{webhook}\" denied the request";
        var message = Str(status, "message");
        var reason = Str(status, "reason");
        var text = message.Length > 0 ? $"{deniedBy}: {message}" : reason.Length > 0 ? $"{deniedBy}: {reason}" : $"{deniedBy} without explanation";
        var code = status?["code"] is JsonValue c && c.TryGetValue<int>(out var value) && value >= 400 ? value : 400;
        return new ApiException(code, reason, text, status?["details"]?.DeepClone() as JsonObject);
    }

    private static string Str(JsonObject? obj, string key) => obj?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api + 760, Level = LogLevel.Warning, Message = "Failed calling webhook {Webhook}, failing open: {Reason}")]
        public static partial void FailingOpen(ILogger logger, string webhook, string reason);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 761, Level = LogLevel.Warning, Message = "Failed calling webhook {Webhook}, failing closed: {Reason}")]
        public static partial void FailingClosed(ILogger logger, string webhook, string reason);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 762, Level = LogLevel.Information, Message = "Webhook {Webhook} denied {Resource} {Namespace}/{Name}")]
        public static partial void Denied(ILogger logger, string webhook, string resource, string @namespace, string name);
    }
}
