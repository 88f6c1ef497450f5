namespace SuperKube.Defaulting.Tests;

public sealed class BatchDefaultsTests
{
    private const string Template =
        """{"metadata":{"labels":{"app":"pi"}},"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"perl"}]}}""";

    private const string DefaultedTemplate =
        """
        {"metadata":{"labels":{"app":"pi"}},
         "spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"perl","imagePullPolicy":"Always",
                                "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                 "dnsPolicy":"ClusterFirst","securityContext":{},
                 "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"}}
        """;

    [Fact]
    public void Default_MinimalJob_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("batch", "Job",
            """{"metadata":{"name":"pi"},"spec":{"template":""" + Template + "}}",
            """
            {"metadata":{"name":"pi","labels":{"app":"pi"}},
             "spec":{"completions":1,"parallelism":1,"backoffLimit":6,"completionMode":"NonIndexed","suspend":false,
                     "podReplacementPolicy":"TerminatingOrFailed","manualSelector":false,"template":
            """ + DefaultedTemplate + "}}");
    }

    [Fact]
    public void Default_JobWithParallelismOnly_LeavesCompletionsUnset()
    {
        var job = DefaultingAssert.Apply("batch", "Job", """{"spec":{"parallelism":3}}""");

        Assert.Null(job["spec"]!["completions"]);
        Assert.Equal(3, job["spec"]!["parallelism"]!.GetValue<int>());
    }

    [Fact]
    public void Default_JobWithCompletionsOnly_DefaultsParallelismOnly()
    {
        var job = DefaultingAssert.Apply("batch", "Job", """{"spec":{"completions":5}}""");

        Assert.Equal(5, job["spec"]!["completions"]!.GetValue<int>());
        Assert.Equal(1, job["spec"]!["parallelism"]!.GetValue<int>());
    }

    [Fact]
    public void Default_JobWithBackoffLimitPerIndexAndFailurePolicy_UsesTheirRules()
    {
        var job = DefaultingAssert.Apply("batch", "Job",
            """
            {"spec":{"completionMode":"Indexed","completions":4,"backoffLimitPerIndex":1,
                     "podFailurePolicy":{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]}}}
            """);

        Assert.Equal(int.MaxValue, job["spec"]!["backoffLimit"]!.GetValue<int>());
        Assert.Equal("Indexed", job["spec"]!["completionMode"]!.GetValue<string>());
        Assert.Equal("Failed", job["spec"]!["podReplacementPolicy"]!.GetValue<string>());
        DefaultingAssert.Equal("""[{"type":"DisruptionTarget","status":"True"}]""",
            job["spec"]!["podFailurePolicy"]!["rules"]![0]!["onPodConditions"]);
    }

    [Fact]
    public void Default_JobClientValues_AreKept()
    {
        var job = DefaultingAssert.Apply("batch", "Job",
            """{"metadata":{"labels":{"own":"x"}},"spec":{"backoffLimit":0,"suspend":true,"parallelism":0,"template":""" + Template + "}}");

        DefaultingAssert.Equal("""{"own":"x"}""", job["metadata"]!["labels"]);
        Assert.Equal(0, job["spec"]!["backoffLimit"]!.GetValue<int>());
        Assert.Equal(0, job["spec"]!["parallelism"]!.GetValue<int>());
        Assert.True(job["spec"]!["suspend"]!.GetValue<bool>());
    }

    [Fact]
    public void Default_MinimalCronJob_DefaultsSpecAndNestedPodTemplateOnly()
    {
        DefaultingAssert.Defaults("batch", "CronJob",
            """{"spec":{"schedule":"*/1 * * * *","jobTemplate":{"spec":{"template":""" + Template + "}}}}",
            """
            {"spec":{"schedule":"*/1 * * * *","concurrencyPolicy":"Allow","suspend":false,
                     "successfulJobsHistoryLimit":3,"failedJobsHistoryLimit":1,
                     "jobTemplate":{"spec":{"template":
            """ + DefaultedTemplate + "}}}}");
    }

    [Fact]
    public void Default_CronJobClientValues_AreKept()
    {
        const string Json =
            """
            {"spec":{"schedule":"@daily","concurrencyPolicy":"Forbid","suspend":true,
                     "successfulJobsHistoryLimit":0,"failedJobsHistoryLimit":0,"timeZone":"Etc/UTC"}}
            """;

        DefaultingAssert.Defaults("batch", "CronJob", Json, Json);
    }
}
