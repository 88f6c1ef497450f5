using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class CronJobValidatorTests
{
    [Fact]
    public void Validate_ValidCronJob_NoErrors() => Assert.Empty(CronJobValidator.Validate(CronJob(), null));

    [Theory]
    [InlineData("", "spec.schedule: Required value")]
    [InlineData("* * *", "spec.schedule: Invalid value: \"* * *\": expected exactly 5 fields, found 3: [* * *]")]
    [InlineData("61 * * * *", "spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61")]
    [InlineData("TZ=UTC 0 * * * *", "spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    public void Validate_BadSchedule_Reported(string schedule, string expected)
    {
        var cron = CronJob();
        cron["spec"]!["schedule"] = schedule;

        Assert.Equal(expected, Lines(CronJobValidator.Validate(cron, null)));
    }

    [Fact]
    public void Validate_JobTemplateProblems_PrefixedWithJobTemplatePath()
    {
        var cron = CronJob();
        cron["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["restartPolicy"] = "Always";
        cron["spec"]!["concurrencyPolicy"] = "Sometimes";

        Assert.Equal(
            """
            spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"
            spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"
            """.ReplaceLineEndings("\n"),
            Lines(CronJobValidator.Validate(cron, null)));
    }

    [Fact]
    public void Validate_LongName_Invalid()
    {
        var cron = CronJob();
        cron["metadata"]!["name"] = new string('a', 53);

        Assert.EndsWith(": must be no more than 52 characters", Lines(CronJobValidator.Validate(cron, null)));
    }
}
