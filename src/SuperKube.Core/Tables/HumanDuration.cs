using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>
/// Short human-readable durations with two or three significant figures, as kubectl shows ages
/// (<c>45s</c>, <c>5m30s</c>, <c>2h10m</c>, <c>3d4h</c>, <c>400d</c>, <c>2y30d</c>), following apimachinery's rules.
/// </summary>
internal static class HumanDuration
{
    /// <summary>What an unset or unparseable timestamp prints as.</summary>
    public const string Unknown = "<unknown>";

    private const long HoursPerYear = 24 * 365;

    /// <summary>Formats a duration; a little negative clock skew reads as <c>0s</c>, more as <c>&lt;invalid&gt;</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        // Whole units truncate toward zero, like Go's integer conversion of a duration.
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return Pair(minutes, "m", seconds % 60, "s");
        }

        if (minutes < 3 * 60)
        {
            return $"{minutes}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return Pair(hours, "h", minutes % 60, "m");
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            return Pair(hours / 24, "d", hours % 24, "h");
        }

        if (hours < 2 * HoursPerYear)
        {
            return $"{hours / 24}d";
        }

        if (hours < 8 * HoursPerYear)
        {
            return Pair(hours / HoursPerYear, "y", hours / 24 % 365, "d");
        }

        return $"{hours / HoursPerYear}y";
    }

    /// <summary>The time elapsed from <paramref name="time"/> to <paramref name="now"/>, or <c>&lt;unknown&gt;</c>.</summary>
    public static string Since(DateTimeOffset? time, DateTimeOffset now) => time is { } t ? Format(now - t) : Unknown;

    /// <summary>The age of an RFC 3339 timestamp node (such as <c>metadata.creationTimestamp</c>).</summary>
    public static string Age(JsonNode? timestamp, DateTimeOffset now) => Since(JsonValues.Time(timestamp), now);

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? $"{major}{majorUnit}" : $"{major}{majorUnit}{minor}{minorUnit}";
}
