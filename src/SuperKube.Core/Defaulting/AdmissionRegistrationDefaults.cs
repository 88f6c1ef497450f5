using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of admissionregistration.k8s.io/v1 webhook configurations (upstream's v1 SetDefaults_*Webhook).</summary>
internal static class AdmissionRegistrationDefaults
{
    public static void Mutating(JsonObject configuration)
    {
        foreach (var webhook in Items(configuration, "webhooks"))
        {
            Webhook(webhook);
            SetIfMissing(webhook, "reinvocationPolicy", "Never");
        }
    }

    public static void Validating(JsonObject configuration)
    {
        foreach (var webhook in Items(configuration, "webhooks"))
        {
            Webhook(webhook);
        }
    }

    private static void Webhook(JsonObject webhook)
    {
        SetIfMissing(webhook, "failurePolicy", "Fail");
        SetIfMissing(webhook, "matchPolicy", "Equivalent");
        SetIfMissing(webhook, "namespaceSelector", new JsonObject());
        SetIfMissing(webhook, "objectSelector", new JsonObject());
        SetIfMissing(webhook, "timeoutSeconds", 10);
        foreach (var rule in Items(webhook, "rules"))
        {
            SetIfMissing(rule, "scope", "*");
        }

        if (Child(Child(webhook, "clientConfig"), "service") is { } service)
        {
            SetIfMissing(service, "port", 443);
        }
    }
}
