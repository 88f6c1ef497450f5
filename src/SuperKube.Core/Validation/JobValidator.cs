using System.Text.Json.Nodes;
using SuperKube.Selection;

namespace SuperKube.Validation;

/// <summary>
/// Validation of batch/v1 Jobs: a pod template that restarts OnFailure or Never (an absent policy defaults to Always
/// and is rejected, as on the real server; only Never with a pod failure policy), non-negative counts, the Indexed
/// rules (completions required, <c>backoffLimitPerIndex</c> and <c>maxFailedIndexes</c> only for Indexed Jobs and
/// within their limits), the pod failure policy (<see cref="PodFailurePolicyValidator"/>), the pod replacement policy
/// (Failed when there is a pod failure policy), a selector matching the template if one is given, and on update an
/// immutable selector, template, completion mode, pod failure policy and backoffLimitPerIndex, and completions that
/// change only with parallelism in an Indexed Job.
/// </summary>
internal static class JobValidator
{
    private static readonly string[] JobRestartPolicies = ["OnFailure", "Never"];
    private static readonly string[] ReplacementPolicies = ["Failed", "TerminatingOrFailed"];
    private const int MaxIndexedParallelism = 100_000;
    private const int MaxFailedIndexesLimit = 100_000;
    private const int CompletionsSoftLimit = 100_000;
    private const int HighCompletionsLimit = 10_000;

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
            errors.AddRange(CompletionsUpdate(spec, oldSpec));
            foreach (var name in (ReadOnlySpan<string>)["completionMode", "podFailurePolicy", "backoffLimitPerIndex"])
            {
                errors.AddRange(FieldChecks.Immutable(spec?[name], oldSpec?[name], "spec." + name));
            }
        }

        return errors;
    }

    /// <summary>Validates a job spec found at <paramref name="path"/> (<c>spec</c>, or <c>spec.jobTemplate.spec</c>).</summary>
    public static List<FieldError> ValidateSpec(JsonObject? spec, string path)
    {
        var errors = new List<FieldError>();
        foreach (var name in (ReadOnlySpan<string>)["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex", "maxFailedIndexes"])
        {
            errors.AddRange(FieldChecks.NonNegative(spec, path, name));
        }

        if (spec?["maxFailedIndexes"] is not null && spec["backoffLimitPerIndex"] is null)
        {
            errors.Add(FieldError.Required(path + ".backoffLimitPerIndex", "when maxFailedIndexes is specified"));
        }

        errors.AddRange(FieldChecks.OneOf(spec, path, "completionMode", "NonIndexed", "Indexed"));
        errors.AddRange(JsonRead.String(spec, "completionMode") == "Indexed" ? Indexed(spec, path) : PerIndexWithoutIndexes(spec, path));
        var policy = JsonRead.Object(spec, "podFailurePolicy");
        if (policy is not null)
        {
            errors.AddRange(PodFailurePolicyValidator.Validate(policy, spec, path + ".podFailurePolicy"));
        }

        if (JsonRead.String(spec, "podReplacementPolicy") is { } replacement)
        {
            if (policy is not null && replacement != "Failed")
            {
                errors.Add(FieldError.NotSupported(path + ".podReplacementPolicy", GoText.Quote(replacement), ["Failed"]));
            }
            else if (policy is null)
            {
                errors.AddRange(FieldChecks.OneOf(spec, path, "podReplacementPolicy", ReplacementPolicies));
            }
        }

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
        else if (policy is not null && restart != "Never" && JobRestartPolicies.Contains(restart))
        {
            errors.Add(FieldError.Invalid(path + ".template.spec.restartPolicy", GoText.Quote(restart), "only \"Never\" is supported when podFailurePolicy is specified"));
        }

        return errors;
    }

    /// <summary>The rules of an Indexed Job: completions required, bounded parallelism and failed indexes.</summary>
    private static IEnumerable<FieldError> Indexed(JsonObject? spec, string path)
    {
        var completions = JsonRead.Integer(spec, "completions");
        var parallelism = JsonRead.Integer(spec, "parallelism");
        var maxFailed = JsonRead.Integer(spec, "maxFailedIndexes");
        if (completions is null)
        {
            yield return FieldError.Required(path + ".completions", "when completion mode is Indexed");
        }

        if (parallelism > MaxIndexedParallelism)
        {
            yield return FieldError.Invalid(path + ".parallelism", FieldChecks.Text(parallelism), $"must be less than or equal to {MaxIndexedParallelism} when completion mode is Indexed");
        }

        if (maxFailed > completions)
        {
            yield return FieldError.Invalid(path + ".maxFailedIndexes", FieldChecks.Text(maxFailed), "must be less than or equal to completions");
        }

        if (maxFailed > MaxFailedIndexesLimit)
        {
            yield return FieldError.Invalid(path + ".maxFailedIndexes", FieldChecks.Text(maxFailed), $"must be less than or equal to {MaxFailedIndexesLimit}");
        }

        if (completions > CompletionsSoftLimit && spec?["backoffLimitPerIndex"] is not null)
        {
            const string Detail = "must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index";
            if (maxFailed is null)
            {
                yield return FieldError.Required(path + ".maxFailedIndexes", $"must be specified when completions is above {CompletionsSoftLimit}");
            }

            if (parallelism > HighCompletionsLimit)
            {
                yield return FieldError.Invalid(path + ".parallelism", FieldChecks.Text(parallelism), Detail);
            }

            if (maxFailed > HighCompletionsLimit)
            {
                yield return FieldError.Invalid(path + ".maxFailedIndexes", FieldChecks.Text(maxFailed), Detail);
            }
        }
    }

    /// <summary>backoffLimitPerIndex and maxFailedIndexes are for Indexed Jobs only.</summary>
    private static IEnumerable<FieldError> PerIndexWithoutIndexes(JsonObject? spec, string path)
    {
        foreach (var name in (string[])["backoffLimitPerIndex", "maxFailedIndexes"])
        {
            if (spec?[name] is { } value)
            {
                yield return FieldError.Invalid($"{path}.{name}", GoText.Value(value), "requires indexed completion mode");
            }
        }
    }

    /// <summary>Completions are immutable, except in an Indexed Job where they may change in tandem with parallelism.</summary>
    private static IEnumerable<FieldError> CompletionsUpdate(JsonObject? spec, JsonObject? oldSpec)
    {
        var completions = spec?["completions"];
        if (JsonNode.DeepEquals(completions, oldSpec?["completions"]))
        {
            return [];
        }

        if (JsonRead.String(spec, "completionMode") != "Indexed")
        {
            return FieldChecks.Immutable(completions, oldSpec?["completions"], "spec.completions");
        }

        return completions is not null && JsonRead.Integer(completions) != JsonRead.Integer(spec, "parallelism")
            ? [FieldError.Invalid("spec.completions", GoText.Value(completions), "can only be modified in tandem with spec.parallelism")]
            : [];
    }
}
