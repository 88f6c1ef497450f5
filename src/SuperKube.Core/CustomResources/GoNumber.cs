using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.CustomResources;

/// <summary>
/// Numbers as the real server prints them in schema messages: JSON integers as written, other numbers like Go's
/// <c>%v</c> of a float64 (shortest digits; exponent form from 1e+06 up and below 1e-4).
/// </summary>
internal static class GoNumber
{
    /// <summary>A float64 as Go's <c>%v</c> prints it: <c>10</c>, <c>1.5</c>, <c>1e+06</c>, <c>1e-05</c>.</summary>
    public static string Format(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        var (digits, exponent) = Shortest(Math.Abs(value));
        if (exponent is >= -4 and < 6)
        {
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
        return $"{(value < 0 ? "-" : "")}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
    }

    // The shortest round-trip digits (no leading or trailing zeros) and the decimal exponent of the first digit.
    private static (string Digits, int Exponent) Shortest(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var shift = 0;
        if (text.IndexOf('E', StringComparison.Ordinal) is var e and >= 0)
        {
            shift = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text.Length : point;
        var all = text.Replace(".", "", StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits.Length == 0 ? "0" : digits, whole - leading - 1 + shift);
    }

    /// <summary>A JSON number as a double, whether it was parsed or built in code (JsonValue of int, long ...).</summary>
    public static double ToDouble(JsonValue number) =>
        double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A JSON number as a whole number, or null when it is not a number or has a fraction.</summary>
    public static long? ToLong(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : null;

    /// <summary>A JSON number as a bad value: integers as written, fractions in Go's float form.</summary>
    public static string Value(JsonValue number)
    {
        var raw = number.ToJsonString();
        return raw.AsSpan().IndexOfAny(".eE") < 0 ? raw : Format(ToDouble(number));
    }

    /// <summary>The JSON type name the real server reports: string, integer, number, boolean, object, array, null.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.ToJsonString().AsSpan().IndexOfAny(".eE") < 0 ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };
}
