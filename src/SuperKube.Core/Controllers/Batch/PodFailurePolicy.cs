using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// A Job's <c>podFailurePolicy</c>: the first rule matching a failed pod (by a container's exit code or by a pod
/// condition) decides whether the failure fails the job (<c>FailJob</c>), fails its index (<c>FailIndex</c>), is
/// not counted (<c>Ignore</c>) or counts against backoffLimit (<c>Count</c>, also when no rule matches).
/// </summary>
internal static class PodFailurePolicy
{
    public static JsonNode? Of(Job job) =>
        job.Spec?.AdditionalProperties?.TryGetValue("podFailurePolicy", out var value) == true && value.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(value.GetRawText())
            : null;

    /// <summary>True when the Job has a pod failure policy.</summary>
    public static bool IsSet(Job job) =>
        job.Spec?.AdditionalProperties?.TryGetValue("podFailurePolicy", out var value) == true && value.ValueKind == JsonValueKind.Object;

    /// <summary>The action of the first matching rule, or "Count".</summary>
    public static string Evaluate(JsonNode? policy, Pod pod)
    {
        foreach (var rule in policy?["rules"] as JsonArray ?? [])
        {
            if (rule is not null && (ExitCodesMatch(rule["onExitCodes"], pod) || ConditionsMatch(rule["onPodConditions"], pod)))
            {
                return (string?)rule["action"] ?? "Count";
            }
        }

        return "Count";
    }

    private static bool ExitCodesMatch(JsonNode? requirement, Pod pod)
    {
        if (requirement is null)
        {
            return false;
        }

        var container = (string?)requirement["containerName"];
        var values = (requirement["values"] as JsonArray ?? []).Select(v => (int?)v).ToHashSet();
        var notIn = (string?)requirement["operator"] == "NotIn";
        return (pod.Status?.ContainerStatuses ?? []).Any(s =>
            (container is null || s.Name == container)
            && s.State?.Terminated?.ExitCode is { } code and not 0
            && values.Contains(code) != notIn);
    }

    private static bool ConditionsMatch(JsonNode? patterns, Pod pod) =>
        (patterns as JsonArray ?? []).Any(p =>
            pod.Status?.Conditions?.Any(c => c.Type == (string?)p?["type"] && c.Status == ((string?)p?["status"] ?? "True")) == true);
}
