namespace SuperKube.Controllers.Batch.Tests;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 10, 7, 30, TimeSpan.Zero);

    private static CronSchedule Parse(string text)
    {
        Assert.True(CronSchedule.TryParse(text, out var schedule, out var error), error);
        return schedule;
    }

    [Theory]
    [InlineData("*/15 * * * *", "2025-01-01T10:15:00Z")]
    [InlineData("0 9 * * MON-FRI", "2025-01-02T09:00:00Z")]
    [InlineData("@hourly", "2025-01-01T11:00:00Z")]
    [InlineData("30 2 1 feb ?", "2025-02-01T02:30:00Z")]
    [InlineData("0 0 13 * 5", "2025-01-03T00:00:00Z")]
    [InlineData("0 0 * * 7", "2025-01-05T00:00:00Z")]
    public void Next_Utc_FirstMatchingMinute(string spec, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Parse(spec).Next(T0, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("60 * * * *")]
    [InlineData("*/0 * * * *")]
    [InlineData("@fortnightly")]
    [InlineData("0 0 * FOO *")]
    public void TryParse_Invalid_False(string spec) => Assert.False(CronSchedule.TryParse(spec, out _, out _));

    [Fact]
    public void TryParse_CronTzPrefix_KeepsZone() => Assert.Equal("Europe/Paris", Parse("CRON_TZ=Europe/Paris 0 3 * * *").TimeZone);

    [Fact]
    public void Next_TimeZone_UsesLocalWallClock()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        var next = Parse("0 3 * * *").Next(T0, paris);

        Assert.Equal(new DateTimeOffset(2025, 1, 2, 2, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Next_SpringForwardGap_SkipsDay()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var before = new DateTimeOffset(2025, 3, 8, 12, 0, 0, TimeSpan.Zero);

        var next = Parse("30 2 * * *").Next(before, newYork);

        // 02:30 does not exist on 9 March 2025 in New York; the next run is 10 March 02:30 EDT.
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 6, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Next_FallBack_RunsAtEachOccurrence()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var schedule = Parse("30 1 * * *");

        var first = schedule.Next(new DateTimeOffset(2025, 11, 2, 4, 0, 0, TimeSpan.Zero), newYork)!.Value;
        var second = schedule.Next(first, newYork);

        Assert.Equal(new DateTimeOffset(2025, 11, 2, 5, 30, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 6, 30, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public void Next_ImpossibleDate_Null() => Assert.Null(Parse("0 0 30 2 *").Next(T0, TimeZoneInfo.Utc));
}
