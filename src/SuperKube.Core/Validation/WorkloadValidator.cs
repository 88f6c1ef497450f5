using System.Text.Json.Nodes;
using SuperKube.Selection;

namespace SuperKube.Validation;

/// <summary>
/// Validation of the apps/v1 workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet): a required, non-empty
/// selector that matches the template's labels, a valid pod template that restarts Always, non-negative counts, and
/// the update rules (selector immutable; StatefulSet spec fixed but for a few fields).
/// </summary>
internal static class WorkloadValidator
{
    public const string StatefulSetUpdateForbiddenMessage =
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
        "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

    private static readonly string[] StatefulSetMutableFields =
        ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "revisionHistoryLimit"];

    public static IReadOnlyList<FieldError> Deployment(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        var errors = Common(spec, "deployment", "activeDeadlineSeconds in ReplicaSet is not Supported", replicated: true);
        foreach (var name in (ReadOnlySpan<string>)["minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds"])
        {
            errors.AddRange(FieldChecks.NonNegative(spec, "spec", name));
        }

        if (JsonRead.Integer(spec, "progressDeadlineSeconds") is { } deadline && deadline <= (JsonRead.Integer(spec, "minReadySeconds") ?? 0))
        {
            errors.Add(FieldError.Invalid("spec.progressDeadlineSeconds", Text(deadline), "must be greater than minReadySeconds"));
        }

        errors.AddRange(Strategy(JsonRead.Object(spec, "strategy")));
        errors.AddRange(ImmutableSelector(spec, old));
        return errors;
    }

    public static IReadOnlyList<FieldError> ReplicaSet(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        // The real server says "deployment" here too.
        var errors = Common(spec, "deployment", "activeDeadlineSeconds in ReplicaSet is not Supported", replicated: true);
        errors.AddRange(FieldChecks.NonNegative(spec, "spec", "minReadySeconds"));
        errors.AddRange(ImmutableSelector(spec, old));
        return errors;
    }

    public static IReadOnlyList<FieldError> DaemonSet(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        var errors = Common(spec, "daemonset", "activeDeadlineSeconds in DaemonSet is not Supported", replicated: false);
        errors.AddRange(FieldChecks.NonNegative(spec, "spec", "minReadySeconds"));
        errors.AddRange(ImmutableSelector(spec, old));
        return errors;
    }

    public static IReadOnlyList<FieldError> StatefulSet(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        var errors = Common(spec, "statefulset", "must not be specified", replicated: true);
        errors.AddRange(FieldChecks.NonNegative(spec, "spec", "minReadySeconds"));
        if (JsonRead.String(spec, "podManagementPolicy") is { } policy && policy is not ("OrderedReady" or "Parallel"))
        {
            errors.Add(FieldError.Invalid("spec.podManagementPolicy", GoText.Quote(policy), "must be 'OrderedReady' or 'Parallel'"));
        }

        if (old is not null && !JsonNode.DeepEquals(Fixed(spec), Fixed(JsonRead.Object(old, "spec"))))
        {
            errors.Add(FieldError.Forbidden("spec", StatefulSetUpdateForbiddenMessage));
        }

        return errors;
    }

    // What all four kinds check: replicas, selector, template labels, pod template, restart policy.
    private static List<FieldError> Common(JsonObject? spec, string emptySelectorKind, string deadlineMessage, bool replicated)
    {
        var errors = new List<FieldError>();
        if (replicated)
        {
            errors.AddRange(FieldChecks.NonNegative(spec, "spec", "replicas"));
        }

        var template = JsonRead.Object(spec, "template");
        var selector = JsonRead.Object(spec, "selector");
        if (selector is null)
        {
            errors.Add(FieldError.Required("spec.selector"));
        }
        else
        {
            errors.AddRange(LabelSelectorValidator.Validate(selector, "spec.selector"));
            if (LabelSelectorValidator.IsEmpty(selector))
            {
                errors.Add(FieldError.Invalid("spec.selector", GoText.LabelSelector(selector), $"empty selector is invalid for {emptySelectorKind}"));
            }

            if (!LabelSelector.TryFromJson(selector, out var parsed, out _))
            {
                errors.Add(FieldError.Invalid("spec.selector", GoText.LabelSelector(selector), "invalid label selector"));
            }
            else if (!parsed.IsEmpty && !parsed.Matches(JsonRead.Object(template, "metadata", "labels")))
            {
                errors.Add(FieldError.Invalid("spec.template.metadata.labels",
                    GoText.StringMap(JsonRead.Object(template, "metadata", "labels")), "`selector` does not match template `labels`"));
            }
        }

        errors.AddRange(PodSpecValidator.ValidateTemplate(template, "spec.template"));
        if (JsonRead.String(template, "spec", "restartPolicy") is { Length: > 0 } restart && restart != "Always")
        {
            errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", GoText.Quote(restart), ["Always"]));
        }

        if (JsonRead.Integer(template, "spec", "activeDeadlineSeconds") is { } deadline)
        {
            errors.Add(FieldError.Invalid("spec.template.spec.activeDeadlineSeconds", Text(deadline), deadlineMessage));
        }

        return errors;
    }

    private static IEnumerable<FieldError> Strategy(JsonObject? strategy)
    {
        var type = JsonRead.String(strategy, "type");
        var rolling = JsonRead.Object(strategy, "rollingUpdate");
        if (type == "Recreate" && rolling is not null)
        {
            yield return FieldError.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
        }
        else if (type is not (null or "Recreate" or "RollingUpdate"))
        {
            yield return FieldError.NotSupported("spec.strategy.type", GoText.Quote(type), ["Recreate", "RollingUpdate"]);
        }

        if (rolling is not null && IsZero(rolling["maxUnavailable"]) && IsZero(rolling["maxSurge"]))
        {
            yield return FieldError.Invalid("spec.strategy.rollingUpdate.maxUnavailable",
                GoText.Value(rolling["maxUnavailable"]), "may not be 0 when `maxSurge` is 0");
        }
    }

    // An int-or-string that is explicitly zero ("0%" or 0); absent values are defaulted to 25%.
    private static bool IsZero(JsonNode? value) => JsonRead.Scalar(value) is "0" or "0%";

    private static IEnumerable<FieldError> ImmutableSelector(JsonObject? spec, JsonObject? old) =>
        old is null
            ? []
            : FieldChecks.Immutable(JsonRead.Object(spec, "selector"), JsonRead.Object(old, "spec", "selector"), "spec.selector",
                s => GoText.LabelSelector(s as JsonObject));

    private static JsonObject Fixed(JsonObject? spec)
    {
        var copy = spec?.DeepClone().AsObject() ?? [];
        foreach (var name in StatefulSetMutableFields)
        {
            copy.Remove(name);
        }

        return copy;
    }

    private static string Text(long? value) => FieldChecks.Text(value);
}
