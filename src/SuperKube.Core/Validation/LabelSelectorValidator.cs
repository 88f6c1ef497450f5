using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Validation of a structured <c>metav1.LabelSelector</c> (apimachinery's <c>ValidateLabelSelector</c>).</summary>
internal static class LabelSelectorValidator
{
    public static IEnumerable<FieldError> Validate(JsonObject? selector, string field)
    {
        if (selector is null)
        {
            yield break;
        }

        foreach (var error in ObjectMetaValidator.ValidateLabels(JsonRead.Object(selector, "matchLabels"), field + ".matchLabels"))
        {
            yield return error;
        }

        var expressions = JsonRead.Array(selector, "matchExpressions") ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var path = $"{field}.matchExpressions[{i}]";
            var op = JsonRead.String(expressions[i], "operator") ?? "";
            var values = JsonRead.Array(expressions[i], "values")?.Select(v => JsonRead.Scalar(v) ?? "").ToList() ?? [];
            switch (op)
            {
                case "In" or "NotIn" when values.Count == 0:
                    yield return FieldError.Required(path + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
                    break;
                case "Exists" or "DoesNotExist" when values.Count > 0:
                    yield return FieldError.Forbidden(path + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    yield return FieldError.Invalid(path + ".operator", GoText.Quote(op), "not a valid selector operator");
                    break;
            }

            var key = JsonRead.String(expressions[i], "key") ?? "";
            foreach (var message in NameRules.IsQualifiedName(key))
            {
                yield return FieldError.Invalid(path + ".key", GoText.Quote(key), message);
            }

            for (var j = 0; j < values.Count; j++)
            {
                foreach (var message in NameRules.IsValidLabelValue(values[j]))
                {
                    yield return FieldError.Invalid($"{path}.values[{j}]", GoText.Quote(values[j]), message);
                }
            }
        }
    }

    /// <summary>True when the selector has neither match labels nor expressions (<c>{}</c>).</summary>
    public static bool IsEmpty(JsonObject selector) =>
        (JsonRead.Object(selector, "matchLabels")?.Count ?? 0) + (JsonRead.Array(selector, "matchExpressions")?.Count ?? 0) == 0;
}
