using System.Globalization;
using System.Text;

namespace SuperKube.Protobuf;

/// <summary>Formats nanoseconds the way Go's <c>time.Duration.String</c> does ("1h0m0s", "1.5s", "250ms", "0s").</summary>
internal static class GoDuration
{
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (nanoseconds < 0)
        {
            text.Append('-');
        }

        // Magnitude as unsigned so long.MinValue does not overflow.
        var u = nanoseconds < 0 ? (ulong)-(nanoseconds + 1) + 1 : (ulong)nanoseconds;
        if (u < 1_000_000_000)
        {
            return (u switch
            {
                < 1_000 => text.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns"),
                < 1_000_000 => AppendFraction(text, u, 3).Append("µs"),
                _ => AppendFraction(text, u, 6).Append("ms"),
            }).ToString();
        }

        var totalSeconds = u / 1_000_000_000;
        var hours = totalSeconds / 3600;
        var minutes = totalSeconds / 60 % 60;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return AppendFraction(text, (totalSeconds % 60 * 1_000_000_000) + (u % 1_000_000_000), 9).Append('s').ToString();
    }

    /// <summary>Appends <paramref name="value"/> / 10^<paramref name="digits"/> with trailing fractional zeros removed.</summary>
    private static StringBuilder AppendFraction(StringBuilder text, ulong value, int digits)
    {
        var scale = (ulong)Math.Pow(10, digits);
        text.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        var fraction = value % scale;
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0'));
        }

        return text;
    }
}
