using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of admissionregistration.k8s.io/v1 MutatingWebhookConfiguration and ValidatingWebhookConfiguration
/// (upstream's <c>ValidateMutatingWebhookConfiguration</c>): names, rules, client configs, policies and selectors.
/// </summary>
internal static class WebhookConfigurationValidator
{
    private static readonly string[] Operations = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"];
    private static readonly string[] ReviewVersions = ["v1", "v1beta1"];

    public static IReadOnlyList<FieldError> Mutating(JsonObject obj, JsonObject? old) => Validate(obj, mutating: true);

    public static IReadOnlyList<FieldError> Validating(JsonObject obj, JsonObject? old) => Validate(obj, mutating: false);

    private static List<FieldError> Validate(JsonObject obj, bool mutating)
    {
        var errors = new List<FieldError>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, i) in JsonRead.Items(JsonRead.Array(obj, "webhooks")))
        {
            var path = $"webhooks[{i}]";
            var webhook = item as JsonObject ?? [];
            var name = JsonRead.String(webhook, "name") ?? "";
            if (!names.Add(name))
            {
                errors.Add(FieldError.Duplicate(path + ".name", GoText.Quote(name)));
            }

            errors.AddRange(Webhook(webhook, path, mutating));
        }

        return errors;
    }

    private static IEnumerable<FieldError> Webhook(JsonObject webhook, string path, bool mutating)
    {
        var name = JsonRead.String(webhook, "name") ?? "";
        if (name.Length == 0)
        {
            yield return FieldError.Required(path + ".name", "");
        }
        else if (NameRules.IsDns1123Subdomain(name) is { Count: > 0 } problems)
        {
            yield return FieldError.Invalid(path + ".name", GoText.Quote(name), string.Join("; ", problems));
        }
        else if (name.Split('.').Length < 3)
        {
            yield return FieldError.Invalid(path + ".name", GoText.Quote(name), "should be a domain with at least three segments separated by dots");
        }

        foreach (var (rule, j) in JsonRead.Items(JsonRead.Array(webhook, "rules")))
        {
            foreach (var error in Rule(rule as JsonObject ?? [], $"{path}.rules[{j}]"))
            {
                yield return error;
            }
        }

        var versions = JsonRead.Array(webhook, "admissionReviewVersions")?.Select(v => JsonRead.Scalar(v) ?? "").ToList() ?? [];
        if (versions.Count == 0)
        {
            yield return FieldError.Required(path + ".admissionReviewVersions", "must specify one of v1, v1beta1");
        }
        else if (!versions.Any(ReviewVersions.Contains))
        {
            yield return FieldError.Invalid(path + ".admissionReviewVersions", GoText.StringSlice(versions), "must include at least one of v1, v1beta1");
        }

        if (JsonRead.String(webhook, "sideEffects") is null)
        {
            yield return FieldError.Required(path + ".sideEffects", "must specify one of None, NoneOnDryRun");
        }

        var checks = FieldChecks.OneOf(webhook, path, "sideEffects", "None", "NoneOnDryRun")
            .Concat(FieldChecks.OneOf(webhook, path, "failurePolicy", "Fail", "Ignore"))
            .Concat(FieldChecks.OneOf(webhook, path, "matchPolicy", "Equivalent", "Exact"))
            .Concat(mutating ? FieldChecks.OneOf(webhook, path, "reinvocationPolicy", "IfNeeded", "Never") : [])
            .Concat(LabelSelectorValidator.Validate(JsonRead.Object(webhook, "namespaceSelector"), path + ".namespaceSelector"))
            .Concat(LabelSelectorValidator.Validate(JsonRead.Object(webhook, "objectSelector"), path + ".objectSelector"))
            .Concat(ClientConfig(JsonRead.Object(webhook, "clientConfig"), path + ".clientConfig"));
        foreach (var error in checks)
        {
            yield return error;
        }

        if (JsonRead.Integer(webhook, "timeoutSeconds") is { } timeout and (< 1 or > 30))
        {
            yield return FieldError.Invalid(path + ".timeoutSeconds", FieldChecks.Text(timeout), "the timeout value must be between 1 and 30 seconds");
        }
    }

    private static IEnumerable<FieldError> Rule(JsonObject rule, string path)
    {
        var operations = Strings(rule, "operations");
        if (operations.Count == 0)
        {
            yield return FieldError.Required(path + ".operations", "");
        }
        else if (operations.Count > 1 && operations.Contains("*"))
        {
            yield return FieldError.Invalid(path + ".operations", GoText.StringSlice(operations), "if '*' is present, must not specify other operations");
        }

        foreach (var (operation, k) in operations.Select((o, k) => (o, k)).Where(o => !Operations.Contains(o.o)))
        {
            yield return FieldError.NotSupported($"{path}.operations[{k}]", GoText.Quote(operation), Operations);
        }

        foreach (var list in new[] { "apiGroups", "apiVersions", "resources" })
        {
            var values = Strings(rule, list);
            if (values.Count == 0)
            {
                yield return FieldError.Required($"{path}.{list}", "");
            }
            else if (values.Count > 1 && values.Contains("*"))
            {
                yield return FieldError.Invalid($"{path}.{list}", GoText.StringSlice(values), "if '*' is present, must not specify other " + (list == "apiVersions" ? "API versions" : list == "apiGroups" ? "API groups" : "resources"));
            }
        }

        foreach (var (resource, k) in Strings(rule, "resources").Select((r, k) => (r, k)).Where(r => r.r.Length == 0))
        {
            yield return FieldError.Required($"{path}.resources[{k}]", "");
        }

        foreach (var error in FieldChecks.OneOf(rule, path, "scope", "*", "Cluster", "Namespaced"))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ClientConfig(JsonObject? config, string path)
    {
        var url = JsonRead.String(config, "url");
        var service = JsonRead.Object(config, "service");
        if ((url is null) == (service is null))
        {
            yield return FieldError.Required(path, "exactly one of url or service is required");
            yield break;
        }

        if (JsonRead.String(config, "caBundle") is { } bundle && !IsBase64(bundle))
        {
            yield return FieldError.Invalid(path + ".caBundle", "<bytes>", "must be base64-encoded PEM certificates");
        }

        if (url is not null)
        {
            foreach (var error in Url(url, path + ".url"))
            {
                yield return error;
            }

            yield break;
        }

        if ((JsonRead.String(service, "name") ?? "").Length == 0)
        {
            yield return FieldError.Required(path + ".service.name", "service name is required");
        }

        if ((JsonRead.String(service, "namespace") ?? "").Length == 0)
        {
            yield return FieldError.Required(path + ".service.namespace", "service namespace is required");
        }

        if (JsonRead.String(service, "path") is { } servicePath && !servicePath.StartsWith('/'))
        {
            yield return FieldError.Invalid(path + ".service.path", GoText.Quote(servicePath), "must start with a '/'");
        }

        if (JsonRead.Integer(service, "port") is { } port and (< 1 or > 65535))
        {
            yield return FieldError.Invalid(path + ".service.port", FieldChecks.Text(port), "port is not valid: must be between 1 and 65535, inclusive");
        }
    }

    private static IEnumerable<FieldError> Url(string url, string path)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield return FieldError.Required(path, "host must be specified");
            yield break;
        }

        if (uri.Scheme != "https")
        {
            yield return FieldError.Invalid(path, GoText.Quote(uri.Scheme), "'https' is the only allowed URL scheme");
        }

        if (uri.Host.Length == 0)
        {
            yield return FieldError.Required(path, "host must be specified");
        }

        if (uri.UserInfo.Length > 0)
        {
            yield return FieldError.Invalid(path, GoText.Quote(uri.UserInfo), "user information is not permitted in the URL");
        }

        if (uri.Fragment.Length > 0)
        {
            yield return FieldError.Invalid(path, GoText.Quote(uri.Fragment.TrimStart('#')), "fragments are not permitted in the URL");
        }

        if (uri.Query.Length > 0)
        {
            yield return FieldError.Invalid(path, GoText.Quote(uri.Query.TrimStart('?')), "query parameters are not permitted in the URL");
        }
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static List<string> Strings(JsonObject rule, string key) =>
        JsonRead.Array(rule, key)?.Select(v => JsonRead.Scalar(v) ?? "").ToList() ?? [];
}
