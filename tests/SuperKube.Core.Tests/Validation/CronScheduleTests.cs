namespace SuperKube.Validation.Tests;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 1 jan mon")]
    [InlineData("0-30/10 1,2 * * 1-5")]
    [InlineData("5/15 * ? * *")]
    [InlineData("@hourly")]
    [InlineData("@every 1h30m")]
    public void Validate_ValidSchedule_Null(string schedule) => Assert.Null(CronSchedule.Validate(schedule));

    [Theory]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("* * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("@often", "unrecognized descriptor: @often")]
    [InlineData("* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]")]
    public void Validate_InvalidSchedule_Explains(string schedule, string expected) =>
        Assert.Equal(expected, CronSchedule.Validate(schedule));
}
