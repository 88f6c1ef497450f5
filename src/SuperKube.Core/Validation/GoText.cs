using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Renders rejected values the way the real server prints them in field errors (Go's <c>%q</c> and <c>%#v</c>), so
/// messages such as <c>Invalid value: map[string]string{"app":"web"}</c> read exactly like a real cluster's.
/// </summary>
internal static class GoText
{
    /// <summary>A Go-quoted string (<c>strconv.Quote</c>): double quotes, backslash escapes for control characters.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                case < ' ' or '\x7f': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A JSON value as a bad value: strings quoted, numbers and booleans bare, null as <c>null</c>,
    /// objects and arrays as compact JSON.</summary>
    public static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    /// <summary>A string map as Go prints a <c>map[string]string</c> with <c>%#v</c> (keys sorted).</summary>
    public static string StringMap(JsonObject? map)
    {
        if (map is null)
        {
            return "map[string]string(nil)";
        }

        var entries = JsonRead.StringEntries(map)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{Quote(e.Key)}:{Quote(e.Value)}");
        return "map[string]string{" + string.Join(", ", entries) + "}";
    }

    /// <summary>A string slice as Go prints a <c>[]string</c> with <c>%#v</c>.</summary>
    public static string StringSlice(IEnumerable<string>? values) =>
        values is null ? "[]string(nil)" : "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>A <c>metav1.LabelSelector</c> as Go prints it with <c>%#v</c>.</summary>
    public static string LabelSelector(JsonObject? selector)
    {
        if (selector is null)
        {
            return "null";
        }

        var expressions = JsonRead.Array(selector, "matchExpressions");
        var rendered = expressions is null
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + string.Join(", ", expressions.Select(Requirement)) + "}";
        return $"v1.LabelSelector{{MatchLabels:{StringMap(JsonRead.Object(selector, "matchLabels"))}, MatchExpressions:{rendered}}}";
    }

    private static string Requirement(JsonNode? expression)
    {
        var values = JsonRead.Array(expression, "values")?.Select(v => JsonRead.Scalar(v) ?? "");
        return $"v1.LabelSelectorRequirement{{Key:{Quote(JsonRead.String(expression, "key") ?? "")}, " +
            $"Operator:{Quote(JsonRead.String(expression, "operator") ?? "")}, Values:{StringSlice(values)}}}";
    }
}
