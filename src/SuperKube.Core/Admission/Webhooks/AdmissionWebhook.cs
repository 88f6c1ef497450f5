using System.Text.Json.Nodes;
using SuperKube.Selection;
using SuperKube.Validation;

namespace SuperKube.Admission.Webhooks;

/// <summary>One webhook of a Mutating- or ValidatingWebhookConfiguration, parsed once per configuration revision.</summary>
internal sealed class AdmissionWebhook
{
    public required string Name { get; init; }

    /// <summary>The configuration that holds it.</summary>
    public required string Configuration { get; init; }

    public required IReadOnlyList<WebhookRule> Rules { get; init; }

    public required LabelSelector NamespaceSelector { get; init; }

    public required LabelSelector ObjectSelector { get; init; }

    /// <summary><c>matchPolicy: Exact</c>; otherwise (Equivalent) other served versions of the resource match too.</summary>
    public bool ExactMatch { get; init; }

    public string? Url { get; init; }

    public WebhookService? Service { get; init; }

    /// <summary>PEM certificates that must have signed the webhook's serving certificate; empty means the system roots.</summary>
    public string CaBundle { get; init; } = "";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>failurePolicy: Ignore</c>: a webhook that cannot be called or answers nonsense is skipped.</summary>
    public bool FailOpen { get; init; }

    /// <summary><c>sideEffects</c> is None or NoneOnDryRun, so dry-run requests may call it.</summary>
    public bool DryRunSafe { get; init; } = true;

    /// <summary>The address called, as upstream builds it (with the <c>?timeout=</c> query).</summary>
    public Uri Address
    {
        get
        {
            var seconds = (int)Timeout.TotalSeconds;
            var baseUrl = Url ?? $"https://{Service!.Host}:{Service.Port}{Service.Path}"; // one of the two is set (validated)
            return new Uri($"{baseUrl}?timeout={seconds}s");
        }
    }

    /// <summary>Parses the webhooks of a stored configuration; a webhook whose selectors cannot be read is skipped.</summary>
    public static IEnumerable<AdmissionWebhook> Parse(JsonObject configuration)
    {
        var configName = JsonRead.String(configuration, "metadata", "name") ?? "";
        foreach (var webhook in JsonRead.Array(configuration, "webhooks")?.OfType<JsonObject>() ?? [])
        {
            if (!LabelSelector.TryFromJson(JsonRead.Object(webhook, "namespaceSelector") ?? [], out var namespaces, out _)
                || !LabelSelector.TryFromJson(JsonRead.Object(webhook, "objectSelector") ?? [], out var objects, out _))
            {
                continue;
            }

            var client = JsonRead.Object(webhook, "clientConfig");
            var service = JsonRead.Object(client, "service");
            var caBundle = JsonRead.String(client, "caBundle");
            yield return new AdmissionWebhook
            {
                Name = JsonRead.String(webhook, "name") ?? "",
                Configuration = configName,
                Rules = [.. (JsonRead.Array(webhook, "rules")?.OfType<JsonObject>() ?? []).Select(WebhookRule.Parse)],
                NamespaceSelector = namespaces,
                ObjectSelector = objects,
                ExactMatch = JsonRead.String(webhook, "matchPolicy") == "Exact",
                Url = JsonRead.String(client, "url"),
                Service = service is null ? null : new WebhookService(
                    JsonRead.String(service, "namespace") ?? "", JsonRead.String(service, "name") ?? "",
                    JsonRead.String(service, "path") ?? "", (int)(JsonRead.Integer(service, "port") ?? 443)),
                CaBundle = caBundle is null ? "" : DecodeBundle(caBundle),
                Timeout = TimeSpan.FromSeconds(JsonRead.Integer(webhook, "timeoutSeconds") ?? 10),
                FailOpen = JsonRead.String(webhook, "failurePolicy") == "Ignore",
                DryRunSafe = JsonRead.String(webhook, "sideEffects") is null or "None" or "NoneOnDryRun",
            };
        }
    }

    /// <summary>caBundle is base64 of PEM bytes in JSON; validation refuses values that are not base64, so this only guards old data: such a bundle trusts nothing.</summary>
    private static string DecodeBundle(string base64)
    {
        try
        {
            return System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return "-invalid-";
        }
    }
}
