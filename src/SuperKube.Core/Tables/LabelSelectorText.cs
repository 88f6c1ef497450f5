using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>
/// Renders label maps and <c>LabelSelector</c> JSON the way kubectl shows them:
/// <c>app=web,tier in (a,b),!legacy</c>, requirements ordered by key and set values sorted.
/// </summary>
internal static class LabelSelectorText
{
    /// <summary>What an empty map or selector prints as in most columns.</summary>
    public const string None = "<none>";

    /// <summary>A string map such as a Service selector or node selector: <c>a=1,b=2</c>, or <c>&lt;none&gt;</c>.</summary>
    public static string Labels(JsonNode? map)
    {
        var pairs = JsonValues.StringMap(map);
        return pairs.Count == 0 ? None : string.Join(",", pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>A <c>LabelSelector</c>: <c>&lt;none&gt;</c> when empty or absent, <c>&lt;error&gt;</c> when invalid.</summary>
    public static string Selector(JsonNode? selector)
    {
        if (!TryFormat(selector, out var text))
        {
            return "<error>";
        }

        return text.Length == 0 ? None : text;
    }

    /// <summary>A <c>LabelSelector</c> as its plain string: empty when empty or absent, <c>&lt;invalid&gt;</c> when invalid.</summary>
    public static string SelectorOrEmpty(JsonNode? selector) => TryFormat(selector, out var text) ? text : "<invalid>";

    /// <summary>Formats a selector; false when an expression has an unknown operator or wrong number of values.</summary>
    public static bool TryFormat(JsonNode? selector, out string text)
    {
        text = "";
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in JsonValues.StringMap(selector, "matchLabels"))
        {
            requirements.Add((key, key + "=" + value));
        }

        foreach (var expression in JsonValues.ObjectList(selector, "matchExpressions"))
        {
            if (Requirement(expression) is not { } requirement)
            {
                return false;
            }

            requirements.Add(requirement);
        }

        text = string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
        return true;
    }

    private static (string Key, string Text)? Requirement(JsonObject expression)
    {
        var key = JsonValues.Text(expression, "key");
        var values = JsonValues.Strings(expression, "values");
        var sorted = string.Join(",", values.Order(StringComparer.Ordinal));
        return JsonValues.Str(expression, "operator") switch
        {
            "In" when values.Count > 0 => (key, $"{key} in ({sorted})"),
            "NotIn" when values.Count > 0 => (key, $"{key} notin ({sorted})"),
            "Exists" when values.Count == 0 => (key, key),
            "DoesNotExist" when values.Count == 0 => (key, "!" + key),
            _ => null,
        };
    }
}
