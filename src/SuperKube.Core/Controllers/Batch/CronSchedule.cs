using System.Globalization;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// A standard five-field cron schedule (minute hour day-of-month month day-of-week) with lists, ranges, steps,
/// month and weekday names, <c>?</c>, the <c>@hourly</c>-style macros and an optional <c>CRON_TZ=</c>/<c>TZ=</c>
/// prefix. When both day fields are restricted a day matches either (classic cron). Times are computed on the wall
/// clock of a time zone: a time skipped by a DST change does not run that day, a repeated one runs at each occurrence.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _daysOfMonth;
    private readonly ulong _months;
    private readonly ulong _daysOfWeek;
    private readonly bool _anyDayOfMonth;
    private readonly bool _anyDayOfWeek;

    private CronSchedule(string? timeZone, ulong minutes, ulong hours, ulong daysOfMonth, ulong months, ulong daysOfWeek, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        TimeZone = timeZone;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _anyDayOfMonth = anyDayOfMonth;
        _anyDayOfWeek = anyDayOfWeek;
    }

    /// <summary>The zone named by a <c>CRON_TZ=</c> or <c>TZ=</c> prefix, or null.</summary>
    public string? TimeZone { get; }

    public static bool TryParse(string? text, out CronSchedule schedule, out string error)
    {
        schedule = null!;
        error = "";
        var fields = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        string? zone = null;
        if (fields.Count > 0 && (fields[0].StartsWith("CRON_TZ=", StringComparison.Ordinal) || fields[0].StartsWith("TZ=", StringComparison.Ordinal)))
        {
            zone = fields[0][(fields[0].IndexOf('=', StringComparison.Ordinal) + 1)..];
            fields.RemoveAt(0);
        }

        if (fields.Count == 1 && fields[0].StartsWith('@'))
        {
            var expanded = fields[0].ToUpperInvariant() switch
            {
                "@YEARLY" or "@ANNUALLY" => "0 0 1 1 *",
                "@MONTHLY" => "0 0 1 * *",
                "@WEEKLY" => "0 0 * * 0",
                "@DAILY" or "@MIDNIGHT" => "0 0 * * *",
                "@HOURLY" => "0 * * * *",
                _ => null,
            };
            if (expanded is null)
            {
                error = $"unrecognized descriptor: {fields[0]}";
                return false;
            }

            fields = [.. expanded.Split(' ')];
        }

        if (fields.Count != 5)
        {
            error = $"expected exactly 5 fields, found {fields.Count}: {text}";
            return false;
        }

        if (!TryField(fields[0], 0, 59, null, out var minutes, out error)
            || !TryField(fields[1], 0, 23, null, out var hours, out error)
            || !TryField(fields[2], 1, 31, null, out var dom, out error)
            || !TryField(fields[3], 1, 12, Months, out var months, out error)
            || !TryField(fields[4], 0, 7, Days, out var dow, out error))
        {
            return false;
        }

        if ((dow & (1UL << 7)) != 0)
        {
            dow = (dow & ~(1UL << 7)) | 1UL;
        }

        schedule = new CronSchedule(zone, minutes, hours, dom, months, dow, fields[2] is "*" or "?", fields[4] is "*" or "?");
        return true;
    }

    /// <summary>The first scheduled instant strictly after <paramref name="after"/> on <paramref name="zone"/>'s clock, or null within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var t = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
        var limit = after.AddYears(5);
        while (t < limit)
        {
            var local = TimeZoneInfo.ConvertTime(t, zone);
            if (!Has(_months, local.Month))
            {
                t = StartOfLocalDay(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone, t);
            }
            else if (!DayMatches(local))
            {
                t = StartOfLocalDay(local.Date.AddDays(1), zone, t);
            }
            else if (!Has(_hours, local.Hour))
            {
                t = t.AddMinutes(60 - local.Minute);
            }
            else if (!Has(_minutes, local.Minute))
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        return null;
    }

    private static DateTimeOffset StartOfLocalDay(DateTime localMidnight, TimeZoneInfo zone, DateTimeOffset current)
    {
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        return utc > current ? utc : current.AddMinutes(1);
    }

    private bool DayMatches(DateTimeOffset local)
    {
        var dom = Has(_daysOfMonth, local.Day);
        var dow = Has(_daysOfWeek, (int)local.DayOfWeek);
        return _anyDayOfMonth || _anyDayOfWeek ? dom && dow : dom || dow;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static bool TryField(string field, int min, int max, string[]? names, out ulong bits, out string error)
    {
        bits = 0;
        error = "";
        foreach (var part in field.Split(','))
        {
            var range = part;
            var step = 1;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)
                {
                    error = $"invalid step in '{part}'";
                    return false;
                }

                range = part[..slash];
            }

            int low, high;
            if (range is "*" or "?")
            {
                (low, high) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                if (!TryValue(dash < 0 ? range : range[..dash], names, min, out low) || !TryValue(dash < 0 ? range : range[(dash + 1)..], names, min, out high))
                {
                    error = $"invalid value in '{part}'";
                    return false;
                }

                if (dash < 0 && slash >= 0)
                {
                    high = max;
                }
            }

            if (low < min || high > max || low > high)
            {
                error = $"'{part}' is out of the range {min}-{max}";
                return false;
            }

            for (var v = low; v <= high; v += step)
            {
                bits |= 1UL << v;
            }
        }

        return true;
    }

    private static bool TryValue(string text, string[]? names, int min, out int value)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + min;
                return true;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
