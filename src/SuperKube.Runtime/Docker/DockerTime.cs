using System.Globalization;

namespace SuperKube.Runtime.Docker;

/// <summary>The engine's RFC 3339 times (with up to nine fractional digits; year 1 for "never").</summary>
internal static class DockerTime
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.StartsWith("0001-01-01", StringComparison.Ordinal))
        {
            return null;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < value.Length && char.IsAsciiDigit(value[end]))
            {
                end++;
            }

            value = value[..Math.Min(end, dot + 8)] + value[end..];
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    /// <summary>Unix seconds with a fraction, as the <c>since</c> query of the logs endpoint takes.</summary>
    public static string UnixSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = ticks % TimeSpan.TicksPerSecond * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{nanos:D9}");
    }
}
