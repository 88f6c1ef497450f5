namespace SuperKube.Tables.Tests;

public class BatchPrintersTests
{
    [Theory]
    [InlineData("""{"completions":3,"parallelism":2}""", """{"succeeded":1}""", "1/3")]
    [InlineData("""{"parallelism":4}""", """{"succeeded":2}""", "2/1 of 4")]
    [InlineData("""{"parallelism":1}""", """{}""", "0/1")]
    [InlineData("""{}""", """{"succeeded":1}""", "1/1")]
    public void Jobs_Completions_FormatsBySpec(string spec, string status, string expected)
    {
        var cells = TableTestData.Cells(BatchPrinters.Jobs, $$"""{"metadata":{"name":"j"},"spec":{{spec}},"status":{{status}}}""");

        Assert.Equal(expected, cells["Completions"]);
    }

    [Fact]
    public void Jobs_CompleteJob_StatusAndDuration()
    {
        var cells = TableTestData.Cells(BatchPrinters.Jobs, """
            {"metadata":{"name":"pi"},"spec":{"completions":1,"template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}},
               "selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"abc"}}},
             "status":{"succeeded":1,"startTime":"2025-01-01T10:00:00Z","completionTime":"2025-01-01T10:00:42Z",
               "conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}}
            """);

        Assert.Equal("Complete", cells["Status"]);
        Assert.Equal("42s", cells["Duration"]);
        Assert.Equal("pi", cells["Containers"]);
        Assert.Equal("batch.kubernetes.io/controller-uid=abc", cells["Selector"]);
    }

    [Fact]
    public void Jobs_RunningJob_DurationSinceStart()
    {
        var cells = TableTestData.Cells(BatchPrinters.Jobs, """
            {"metadata":{"name":"j"},"status":{"startTime":"2025-01-01T11:00:00Z","active":1}}
            """);

        Assert.Equal("Running", cells["Status"]);
        Assert.Equal("60m", cells["Duration"]);
    }

    [Theory]
    [InlineData("""[{"type":"Failed","status":"True"}]""", "", "Failed")]
    [InlineData("""[{"type":"Suspended","status":"True"}]""", "", "Suspended")]
    [InlineData("""[{"type":"FailureTarget","status":"True"}]""", "", "FailureTarget")]
    [InlineData("""[{"type":"Complete","status":"False"}]""", "", "Running")]
    [InlineData("""[{"type":"Suspended","status":"True"}]""", ""","deletionTimestamp":"2025-01-01T11:00:00Z" """, "Terminating")]
    public void Jobs_Conditions_DecideStatus(string conditions, string meta, string expected)
    {
        var cells = TableTestData.Cells(BatchPrinters.Jobs, $$"""
            {"metadata":{"name":"j"{{meta}}},"status":{"conditions":{{conditions}}} }
            """);

        Assert.Equal(expected, cells["Status"]);
        Assert.Equal("", cells["Duration"]);
    }

    [Fact]
    public void CronJobs_Row_ScheduleSuspendActiveAndLastSchedule()
    {
        var cells = TableTestData.Cells(BatchPrinters.CronJobs, """
            {"metadata":{"name":"backup"},
             "spec":{"schedule":"*/5 * * * *","suspend":false,
               "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"busybox"}]}}}}},
             "status":{"active":[{"name":"backup-1"}],"lastScheduleTime":"2025-01-01T11:57:00Z"}}
            """);

        Assert.Equal("*/5 * * * *", cells["Schedule"]);
        Assert.Equal("<none>", cells["Timezone"]);
        Assert.Equal("False", cells["Suspend"]);
        Assert.Equal(1L, cells["Active"]);
        Assert.Equal("3m", cells["Last Schedule"]);
        Assert.Equal("busybox", cells["Images"]);
        Assert.Equal("<none>", cells["Selector"]);
    }

    [Fact]
    public void CronJobs_NeverScheduled_ShowsNoneAndUnsetSuspend()
    {
        var cells = TableTestData.Cells(BatchPrinters.CronJobs, """
            {"metadata":{"name":"c"},"spec":{"schedule":"@daily","timeZone":"Etc/UTC"}}
            """);

        Assert.Equal("Etc/UTC", cells["Timezone"]);
        Assert.Equal("<unset>", cells["Suspend"]);
        Assert.Equal(0L, cells["Active"]);
        Assert.Equal("<none>", cells["Last Schedule"]);
    }
}
