using System.Globalization;
using SuperKube.Validation;

namespace SuperKube.Selection;

/// <summary>One requirement of a label selector: a key, an operator and its values (sorted, distinct).</summary>
internal sealed class LabelRequirement
{
    private LabelRequirement(string key, LabelOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    public string Key { get; }

    public LabelOperator Operator { get; }

    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Builds a requirement after the checks of apimachinery's <c>NewRequirement</c>; on failure <paramref name="error"/>
    /// holds the real server's text (several failures are joined in brackets).
    /// </summary>
    public static bool TryCreate(
        string key, LabelOperator op, IEnumerable<string> values, out LabelRequirement requirement, out string error)
    {
        var sorted = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var errors = new List<string>();
        var keyErrors = NameRules.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            errors.Add($"key: Invalid value: {GoText.Quote(key)}: {string.Join("; ", keyErrors)}");
        }

        switch (op)
        {
            case LabelOperator.In or LabelOperator.NotIn when sorted.Length == 0:
                errors.Add($"values: Invalid value: {GoText.StringSlice(sorted)}: for 'in', 'notin' operators, values set can't be empty");
                break;
            case LabelOperator.Equals or LabelOperator.DoubleEquals or LabelOperator.NotEquals when sorted.Length != 1:
                errors.Add($"values: Invalid value: {GoText.StringSlice(sorted)}: exact-match compatibility requires one single value");
                break;
            case LabelOperator.Exists or LabelOperator.DoesNotExist when sorted.Length != 0:
                errors.Add($"values: Invalid value: {GoText.StringSlice(sorted)}: values set must be empty for exists and does not exist");
                break;
            case LabelOperator.GreaterThan or LabelOperator.LessThan:
                if (sorted.Length != 1)
                {
                    errors.Add($"values: Invalid value: {GoText.StringSlice(sorted)}: for 'Gt', 'Lt' operators, exactly one value is required");
                }

                for (var i = 0; i < sorted.Length; i++)
                {
                    if (!TryParseInteger(sorted[i], out _))
                    {
                        errors.Add($"values[{i}]: Invalid value: {GoText.Quote(sorted[i])}: for 'Gt', 'Lt' operators, the value must be an integer");
                    }
                }

                break;
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            var valueErrors = NameRules.IsValidLabelValue(sorted[i]);
            if (valueErrors.Count > 0)
            {
                errors.Add($"values[{i}][{key}]: Invalid value: {GoText.Quote(sorted[i])}: {string.Join("; ", valueErrors)}");
            }
        }

        requirement = new LabelRequirement(key, op, sorted);
        error = errors.Count switch
        {
            0 => "",
            1 => errors[0],
            _ => "[" + string.Join(", ", errors) + "]",
        };
        return errors.Count == 0;
    }

    /// <summary>True when the labels (looked up by key; null means absent) satisfy the requirement.</summary>
    public bool Matches(Func<string, string?> label)
    {
        var value = label(Key);
        switch (Operator)
        {
            case LabelOperator.In or LabelOperator.Equals or LabelOperator.DoubleEquals:
                return value is not null && Values.Contains(value, StringComparer.Ordinal);
            case LabelOperator.NotIn or LabelOperator.NotEquals:
                return value is null || !Values.Contains(value, StringComparer.Ordinal);
            case LabelOperator.Exists:
                return value is not null;
            case LabelOperator.DoesNotExist:
                return value is null;
            case LabelOperator.GreaterThan or LabelOperator.LessThan:
                if (value is null || Values.Count != 1 || !TryParseInteger(value, out var actual) ||
                    !TryParseInteger(Values[0], out var bound))
                {
                    return false;
                }

                return Operator == LabelOperator.GreaterThan ? actual > bound : actual < bound;
            default:
                return false;
        }
    }

    /// <summary>The requirement in selector syntax: <c>k in (a,b)</c>, <c>!k</c>, <c>k=v</c>.</summary>
    public override string ToString() => Operator switch
    {
        LabelOperator.Exists => Key,
        LabelOperator.DoesNotExist => "!" + Key,
        LabelOperator.In => $"{Key} in ({string.Join(",", Values)})",
        LabelOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        LabelOperator.DoubleEquals => $"{Key}=={Values[0]}",
        LabelOperator.NotEquals => $"{Key}!={Values[0]}",
        LabelOperator.GreaterThan => $"{Key}>{Values[0]}",
        LabelOperator.LessThan => $"{Key}<{Values[0]}",
        _ => $"{Key}={Values[0]}",
    };

    private static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
