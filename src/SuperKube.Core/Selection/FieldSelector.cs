using System.Text;

namespace SuperKube.Selection;

/// <summary>
/// A parsed field selector (<c>metadata.name=web,status.phase!=Running</c>), following apimachinery's
/// <c>fields.ParseSelector</c>: terms are comma separated, and values escape <c>\</c>, <c>,</c> and <c>=</c> with a
/// backslash. Which fields exist is the caller's business: see <see cref="FindUnsupported"/>.
/// </summary>
internal sealed class FieldSelector
{
    // Checked in this order at each position, so "!=" and "==" win over "=".
    private static readonly string[] Operators = ["!=", "==", "="];

    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    /// <summary>The selector that matches every object.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The terms, sorted as the real server sorts them.</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    /// <summary>True when the selector does not restrict anything.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>The 400 BadRequest message of the real server for a field it cannot select on.</summary>
    public static string UnsupportedFieldMessage(string field) => $"field label not supported: {field}";

    /// <summary>Parses the selector; the empty string selects everything. Errors carry the real server's text.</summary>
    public static bool TryParse(string? text, out FieldSelector selector, out string error)
    {
        selector = Everything;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitTerms(text).Order(StringComparer.Ordinal))
        {
            if (term.Length == 0)
            {
                continue;
            }

            if (!TrySplitTerm(term, out var field, out var op, out var rawValue))
            {
                error = $"invalid selector: '{text}'; can't understand '{term}'";
                return false;
            }

            if (!TryUnescape(rawValue, out var value, out error))
            {
                return false;
            }

            requirements.Add(new FieldRequirement(field, op, value));
        }

        selector = requirements.Count == 0 ? Everything : new FieldSelector(requirements);
        return true;
    }

    /// <summary>True when every term holds; <paramref name="getField"/> returns null for absent fields.</summary>
    public bool Matches(Func<string, string?> getField) => Requirements.All(r => r.Matches(getField(r.Field)));

    /// <summary>The error message for the first field that is not supported, or null when all are.</summary>
    public string? FindUnsupported(Func<string, bool> isSupported) =>
        Requirements.FirstOrDefault(r => !isSupported(r.Field)) is { } bad ? UnsupportedFieldMessage(bad.Field) : null;

    /// <summary>The value a field must equal when the selector pins it (<c>metadata.name=x</c>), for indexed lookups.</summary>
    public bool TryGetExactMatch(string field, out string value)
    {
        var match = Requirements.FirstOrDefault(r => r.Field == field && r.Operator != FieldOperator.NotEquals);
        value = match?.Value ?? "";
        return match is not null;
    }

    public override string ToString() => string.Join(",", Requirements.Select(r =>
        r.Field + (r.Operator == FieldOperator.NotEquals ? "!=" : "=") + Escape(r.Value)));

    /// <summary>Escapes a value for use in a field selector.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("=", "\\=", StringComparison.Ordinal);

    // Splits on commas that are not escaped; escapes are kept for TryUnescape.
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        var start = 0;
        var escaped = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (text[i] == '\\')
            {
                escaped = true;
            }
            else if (text[i] == ',')
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }

        terms.Add(text[start..]);
        return terms;
    }

    // The first operator found from the left splits the term; the field part has no escaping.
    private static bool TrySplitTerm(string term, out string field, out FieldOperator op, out string value)
    {
        for (var i = 0; i < term.Length; i++)
        {
            foreach (var candidate in Operators)
            {
                if (term.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal))
                {
                    field = term[..i];
                    op = candidate switch { "!=" => FieldOperator.NotEquals, "==" => FieldOperator.DoubleEquals, _ => FieldOperator.Equals };
                    value = term[(i + candidate.Length)..];
                    return true;
                }
            }
        }

        (field, op, value) = ("", FieldOperator.Equals, "");
        return false;
    }

    private static bool TryUnescape(string raw, out string value, out string error)
    {
        var sb = new StringBuilder(raw.Length);
        var escaped = false;
        foreach (var c in raw)
        {
            if (escaped)
            {
                if (c is not ('\\' or ',' or '='))
                {
                    (value, error) = ("", $"invalid field selector: invalid escape sequence: \\{c}");
                    return false;
                }

                sb.Append(c);
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c is ',' or '=')
            {
                // The real server prints the rune as a number (Go's %v of a rune).
                (value, error) = ("", $"invalid field selector: unescaped character in value: {(int)c}");
                return false;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (escaped)
        {
            (value, error) = ("", "invalid field selector: invalid escape sequence: \\");
            return false;
        }

        (value, error) = (sb.ToString(), "");
        return true;
    }
}
