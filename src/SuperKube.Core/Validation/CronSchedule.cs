using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.Validation;

/// <summary>
/// Checks a standard five-field cron schedule (or an <c>@hourly</c>-style descriptor) the way the real server's cron
/// parser does, with messages in its style.
/// </summary>
internal static partial class CronSchedule
{
    private static readonly string[] Descriptors = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

    private static readonly (int Min, int Max, string[] Names)[] Fields =
    [
        (0, 59, []),
        (0, 23, []),
        (1, 31, []),
        (1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    /// <summary>Null when the schedule parses, otherwise the parser's complaint.</summary>
    public static string? Validate(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith('@'))
        {
            if (Descriptors.Contains(text))
            {
                return null;
            }

            if (text.StartsWith("@every ", StringComparison.Ordinal))
            {
                var duration = text["@every ".Length..];
                return GoDuration().IsMatch(duration) ? null : $"failed to parse duration {text}: time: invalid duration {GoText.Quote(duration)}";
            }

            return $"unrecognized descriptor: {text}";
        }

        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != Fields.Length)
        {
            return $"expected exactly {Fields.Length} fields, found {fields.Length}: [{string.Join(' ', fields)}]";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            foreach (var range in fields[i].Split(','))
            {
                if (CheckRange(range, Fields[i].Min, Fields[i].Max, Fields[i].Names) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? CheckRange(string expr, int min, int max, string[] names)
    {
        var stepParts = expr.Split('/');
        if (stepParts.Length > 2)
        {
            return $"too many slashes: {expr}";
        }

        var bounds = stepParts[0].Split('-');
        if (bounds.Length > 2)
        {
            return $"too many hyphens: {expr}";
        }

        int start, end;
        if (bounds[0] is "*" or "?")
        {
            (start, end) = (min, max);
        }
        else
        {
            if (ParseValue(bounds[0], names, out start) is { } startError)
            {
                return startError;
            }

            end = start;
            if (bounds.Length == 2 && ParseValue(bounds[1], names, out end) is { } endError)
            {
                return endError;
            }
        }

        if (stepParts.Length == 2)
        {
            if (ParseValue(stepParts[1], [], out var step) is { } stepError)
            {
                return stepError;
            }

            if (step == 0)
            {
                return $"step of range should be a positive number: {expr}";
            }

            if (bounds.Length == 1 && bounds[0] is not ("*" or "?"))
            {
                end = max; // "N/step" means from N to the end
            }
        }

        return start < min ? $"beginning of range ({start}) below minimum ({min}): {expr}"
            : end > max ? $"end of range ({end}) above maximum ({max}): {expr}"
            : start > end ? $"beginning of range ({start}) beyond end of range ({end}): {expr}"
            : null;
    }

    private static string? ParseValue(string text, string[] names, out int value)
    {
        var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            value = index + (names.Length == 12 ? 1 : 0);
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return $"failed to parse int from {text}: strconv.Atoi: parsing {GoText.Quote(text)}: invalid syntax";
        }

        return value < 0 ? $"negative number ({value}) not allowed: {text}" : null;
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h))*\z")]
    private static partial Regex GoDuration();
}
