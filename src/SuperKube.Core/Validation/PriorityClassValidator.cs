using System.Text.Json.Nodes;
using SuperKube.Admission.Priority;

namespace SuperKube.Validation;

/// <summary>
/// Validation of scheduling.k8s.io/v1 PriorityClasses (upstream's <c>ValidatePriorityClass</c>): names starting with
/// <c>system-</c> are reserved for the known system classes, user values are at most one billion, and value and
/// preemptionPolicy cannot change.
/// </summary>
internal static class PriorityClassValidator
{
    /// <summary>The highest value a user-defined class may have.</summary>
    public const long HighestUserDefinablePriority = 1_000_000_000;

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var name = JsonRead.String(obj, "metadata", "name") ?? "";
        var value = JsonRead.Integer(obj, "value") ?? 0;
        if (name.StartsWith("system-", StringComparison.Ordinal))
        {
            var known = SystemPriorityClasses.Known.FirstOrDefault(k => k.Name == name);
            var problem = known.Name is null ? $"{name} is not a known system priority class"
                : known.Value != value ? $"value of {name} PriorityClass must be {known.Value}"
                : JsonRead.Boolean(obj, "globalDefault") == true ? $"globalDefault of {name} PriorityClass must be false"
                : null;
            if (problem is not null)
            {
                errors.Add(FieldError.Forbidden("metadata.name", $"priority class names with 'system-' prefix are reserved for system use only. error: {problem}"));
            }
        }
        else if (value > HighestUserDefinablePriority)
        {
            errors.Add(FieldError.Forbidden("value", $"maximum allowed value of a user defined priority is {HighestUserDefinablePriority}"));
        }

        errors.AddRange(FieldChecks.OneOf(obj, "", "preemptionPolicy", "Never", "PreemptLowerPriority").Select(e => e with { Field = "preemptionPolicy" }));
        if (old is not null)
        {
            if (JsonRead.Integer(old, "value") != JsonRead.Integer(obj, "value"))
            {
                errors.Add(FieldError.Forbidden("value", "may not be changed in an update."));
            }

            errors.AddRange(FieldChecks.Immutable(obj["preemptionPolicy"], old["preemptionPolicy"], "preemptionPolicy"));
        }

        return errors;
    }
}
