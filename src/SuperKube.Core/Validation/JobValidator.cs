using System.Text.Json.Nodes;
using SuperKube.Selection;

namespace SuperKube.Validation;

/// <summary>
/// Validation of batch/v1 Jobs: a pod template that restarts OnFailure or Never (an absent policy defaults to Always
/// and is rejected, as on the real server), non-negative counts, a selector matching the template if one is given,
/// and an immutable selector and template on update.
/// </summary>
internal static class JobValidator
{
    private static readonly string[] JobRestartPolicies = ["OnFailure", "Never"];

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var spec = JsonRead.Object(obj, "spec");
        var errors = ValidateSpec(spec, "spec");
        if (old is not null)
        {
            var oldSpec = JsonRead.Object(old, "spec");
            errors.AddRange(FieldChecks.Immutable(JsonRead.Object(spec, "selector"), JsonRead.Object(oldSpec, "selector"), "spec.selector",
                s => GoText.LabelSelector(s as JsonObject)));
            errors.AddRange(FieldChecks.Immutable(JsonRead.Object(spec, "template"), JsonRead.Object(oldSpec, "template"), "spec.template"));
        }

        return errors;
    }

    /// <summary>Validates a job spec found at <paramref name="path"/> (<c>spec</c>, or <c>spec.jobTemplate.spec</c>).</summary>
    public static List<FieldError> ValidateSpec(JsonObject? spec, string path)
    {
        var errors = new List<FieldError>();
        foreach (var name in (ReadOnlySpan<string>)["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"])
        {
            errors.AddRange(FieldChecks.NonNegative(spec, path, name));
        }

        errors.AddRange(FieldChecks.OneOf(spec, path, "completionMode", "NonIndexed", "Indexed"));
        var template = JsonRead.Object(spec, "template");
        if (JsonRead.Object(spec, "selector") is { } selector)
        {
            errors.AddRange(LabelSelectorValidator.Validate(selector, path + ".selector"));
            var labels = JsonRead.Object(template, "metadata", "labels");
            if (LabelSelector.TryFromJson(selector, out var parsed, out _) && !parsed.IsEmpty && !parsed.Matches(labels))
            {
                errors.Add(FieldError.Invalid(path + ".template.metadata.labels", GoText.StringMap(labels), "`selector` does not match template `labels`"));
            }
        }

        errors.AddRange(PodSpecValidator.ValidateTemplate(template, path + ".template"));
        var restart = JsonRead.String(template, "spec", "restartPolicy") ?? "Always";
        if (!JobRestartPolicies.Contains(restart) && PodSpecValidator.RestartPolicies.Contains(restart))
        {
            errors.Add(FieldError.NotSupported(path + ".template.spec.restartPolicy", GoText.Quote(restart), JobRestartPolicies));
        }

        return errors;
    }
}
