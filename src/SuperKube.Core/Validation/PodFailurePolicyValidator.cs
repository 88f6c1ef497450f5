using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of a Job's <c>podFailurePolicy</c> as upstream: at most 20 rules, each with a supported action
/// (<c>FailIndex</c> only with <c>backoffLimitPerIndex</c>) and exactly one of <c>onExitCodes</c> (an operator, a
/// container of the template, 1 to 255 distinct ordered codes, no 0 for In) and <c>onPodConditions</c> (at most 20
/// patterns with a qualified type and a True/False/Unknown status).
/// </summary>
internal static class PodFailurePolicyValidator
{
    private const int MaxRules = 20;
    private const int MaxExitCodes = 255;
    private const int MaxConditionPatterns = 20;
    private static readonly string[] Actions = ["Count", "FailIndex", "FailJob", "Ignore"];
    private static readonly string[] Operators = ["In", "NotIn"];
    private static readonly string[] ConditionStatuses = ["False", "True", "Unknown"];

    /// <summary>Validates the policy of the job spec <paramref name="spec"/> found at <paramref name="path"/>.</summary>
    public static IEnumerable<FieldError> Validate(JsonObject policy, JsonObject? spec, string path)
    {
        var rules = JsonRead.Array(policy, "rules");
        if (rules?.Count > MaxRules)
        {
            yield return FieldError.TooMany(path + ".rules", rules.Count, MaxRules);
        }

        var containers = (string[])["containers", "initContainers"];
        var names = containers.SelectMany(list => JsonRead.Items(JsonRead.Array(spec, "template", "spec", list)))
            .Select(c => JsonRead.String(c.Item, "name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, index) in JsonRead.Items(rules))
        {
            foreach (var error in Rule(rule as JsonObject, spec, $"{path}.rules[{index}]", names))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<FieldError> Rule(JsonObject? rule, JsonObject? spec, string path, HashSet<string> containers)
    {
        var action = JsonRead.String(rule, "action");
        if (string.IsNullOrEmpty(action))
        {
            yield return FieldError.Required(path + ".action", "valid values: " + GoList(Actions));
        }
        else if (action == "FailIndex")
        {
            if (spec?["backoffLimitPerIndex"] is null)
            {
                yield return FieldError.Invalid(path + ".action", GoText.Quote(action), "requires the backoffLimitPerIndex to be set");
            }
        }
        else if (!Actions.Contains(action))
        {
            yield return FieldError.NotSupported(path + ".action", GoText.Quote(action), Actions);
        }

        var exitCodes = JsonRead.Object(rule, "onExitCodes");
        var conditions = JsonRead.Array(rule, "onPodConditions");
        var errors = new List<FieldError>();
        if (exitCodes is not null)
        {
            errors.AddRange(ExitCodes(exitCodes, path + ".onExitCodes", containers));
        }

        if (conditions?.Count > 0)
        {
            errors.AddRange(Conditions(conditions, path + ".onPodConditions"));
        }

        if (exitCodes is not null && conditions?.Count > 0)
        {
            errors.Add(FieldError.InvalidWithoutValue(path, "specifying both OnExitCodes and OnPodConditions is not supported"));
        }

        if (exitCodes is null && !(conditions?.Count > 0))
        {
            errors.Add(FieldError.InvalidWithoutValue(path, "specifying one of OnExitCodes and OnPodConditions is required"));
        }

        foreach (var error in errors)
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ExitCodes(JsonObject requirement, string path, HashSet<string> containers)
    {
        var op = JsonRead.String(requirement, "operator");
        if (string.IsNullOrEmpty(op))
        {
            yield return FieldError.Required(path + ".operator", "valid values: " + GoList(Operators));
        }
        else if (!Operators.Contains(op))
        {
            yield return FieldError.NotSupported(path + ".operator", GoText.Quote(op), Operators);
        }

        if (JsonRead.String(requirement, "containerName") is { } container && !containers.Contains(container))
        {
            yield return FieldError.Invalid(path + ".containerName", GoText.Quote(container), "must be one of the container or initContainer names in the pod template");
        }

        var array = JsonRead.Array(requirement, "values");
        var values = JsonRead.Items(array).Select(v => (Value: JsonRead.Integer(v.Item) ?? 0, v.Index)).ToList();
        if (values.Count == 0)
        {
            yield return FieldError.Invalid(path + ".values", array is null ? "[]int32(nil)" : "[]int32{}", "at least one value is required");
        }
        else if (values.Count > MaxExitCodes)
        {
            yield return FieldError.TooMany(path + ".values", values.Count, MaxExitCodes);
        }

        var seen = new HashSet<long>();
        foreach (var (value, index) in values)
        {
            if (op == "In" && value == 0)
            {
                yield return FieldError.Invalid($"{path}.values[{index}]", "0", "must not be 0 for the In operator");
            }

            if (!seen.Add(value))
            {
                yield return FieldError.Duplicate($"{path}.values[{index}]", Text(value));
            }
        }

        if (values.Zip(values.Skip(1)).Any(pair => pair.First.Value > pair.Second.Value))
        {
            yield return FieldError.Invalid(path + ".values", "[]int32{" + string.Join(", ", values.Select(v => Text(v.Value))) + "}", "must be ordered");
        }
    }

    private static IEnumerable<FieldError> Conditions(JsonArray patterns, string path)
    {
        if (patterns.Count > MaxConditionPatterns)
        {
            yield return FieldError.TooMany(path, patterns.Count, MaxConditionPatterns);
        }

        foreach (var (pattern, index) in JsonRead.Items(patterns))
        {
            var at = $"{path}[{index}]";
            var type = JsonRead.String(pattern, "type") ?? "";
            foreach (var message in NameRules.IsQualifiedName(type))
            {
                yield return FieldError.Invalid(at + ".type", GoText.Quote(type), message);
            }

            var status = JsonRead.String(pattern, "status");
            if (string.IsNullOrEmpty(status))
            {
                yield return FieldError.Required(at + ".status", "valid values: " + GoList(ConditionStatuses));
            }
            else if (!ConditionStatuses.Contains(status))
            {
                yield return FieldError.NotSupported(at + ".status", GoText.Quote(status), ConditionStatuses);
            }
        }
    }

    /// <summary>A string list as Go's <c>%q</c> prints a <c>[]string</c>: <c>["In" "NotIn"]</c>.</summary>
    private static string GoList(IEnumerable<string> values) => "[" + string.Join(' ', values.Select(GoText.Quote)) + "]";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
