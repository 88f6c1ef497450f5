namespace SuperKube.Tables.Tests;

public class PodPrinterTests
{
    private static Dictionary<string, object?> Row(string status, string extra = "") => TableTestData.Cells(PodPrinter.Table, $$"""
        {"metadata":{"name":"web","creationTimestamp":"{{TableTestData.Ago(TimeSpan.FromMinutes(5))}}"{{extra}}},
         "spec":{"containers":[{"name":"app","image":"nginx"}]},
         "status":{{status}}}
        """);

    [Fact]
    public void Row_PendingWithoutStatuses_ShowsPhase()
    {
        var cells = Row("""{"phase":"Pending"}""");

        Assert.Equal("web", cells["Name"]);
        Assert.Equal("0/1", cells["Ready"]);
        Assert.Equal("Pending", cells["Status"]);
        Assert.Equal("0", cells["Restarts"]);
        Assert.Equal("5m", cells["Age"]);
        Assert.Equal("<none>", cells["IP"]);
        Assert.Equal("<none>", cells["Node"]);
        Assert.Equal("<none>", cells["Nominated Node"]);
        Assert.Equal("<none>", cells["Readiness Gates"]);
    }

    [Fact]
    public void Row_WaitingContainer_ShowsWaitingReason()
    {
        var cells = Row("""
            {"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
              "state":{"waiting":{"reason":"ContainerCreating"}}}]}
            """);

        Assert.Equal("ContainerCreating", cells["Status"]);
        Assert.Equal("0/1", cells["Ready"]);
    }

    [Fact]
    public void Row_RunningReady_ShowsRunningOneOfOne()
    {
        var cells = TableTestData.Cells(PodPrinter.Table, """
            {"metadata":{"name":"web"},
             "spec":{"nodeName":"node-1","containers":[{"name":"app"}]},
             "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.7"}],"conditions":[{"type":"Ready","status":"True"}],
               "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2025-01-01T11:00:00Z"}}}]}}
            """);

        Assert.Equal("1/1", cells["Ready"]);
        Assert.Equal("Running", cells["Status"]);
        Assert.Equal("10.0.0.7", cells["IP"]);
        Assert.Equal("node-1", cells["Node"]);
        Assert.Equal("<unknown>", cells["Age"]);
    }

    [Fact]
    public void Row_CrashLoopBackOff_ShowsRestartsWithLastRestartAge()
    {
        var finished = TableTestData.Ago(TimeSpan.FromMinutes(2));
        var cells = Row($$"""
            {"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":3,
              "state":{"waiting":{"reason":"CrashLoopBackOff"} },
              "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"{{finished}}"} } }]}
            """);

        Assert.Equal("CrashLoopBackOff", cells["Status"]);
        Assert.Equal("3 (2m ago)", cells["Restarts"]);
        Assert.Equal("0/1", cells["Ready"]);
    }

    [Fact]
    public void Row_SucceededPod_ShowsCompleted()
    {
        var cells = Row("""
            {"phase":"Succeeded","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
              "state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}
            """);

        Assert.Equal("Completed", cells["Status"]);
        Assert.Equal("0/1", cells["Ready"]);
    }

    [Fact]
    public void Row_TerminatedWithoutReason_ShowsSignalOrExitCode()
    {
        var signal = Row("""{"phase":"Failed","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"signal":9}}}]}""");
        var exit = Row("""{"phase":"Failed","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":2}}}]}""");

        Assert.Equal("Signal:9", signal["Status"]);
        Assert.Equal("ExitCode:2", exit["Status"]);
    }

    [Fact]
    public void Row_FirstInitContainerRunning_ShowsInitProgress()
    {
        var cells = TableTestData.Cells(PodPrinter.Table, """
            {"metadata":{"name":"web"},
             "spec":{"initContainers":[{"name":"setup"}],"containers":[{"name":"app"}]},
             "status":{"phase":"Pending",
               "initContainerStatuses":[{"name":"setup","ready":false,"restartCount":0,"state":{"running":{}}}],
               "containerStatuses":[{"name":"app","ready":false,"restartCount":0,"state":{"waiting":{"reason":"PodInitializing"}}}]}}
            """);

        Assert.Equal("Init:0/1", cells["Status"]);
        Assert.Equal("0/1", cells["Ready"]);
    }

    [Fact]
    public void Row_FailedInitContainer_ShowsInitReasonOrExitCode()
    {
        const string Template = """
            {"metadata":{"name":"web"},"spec":{"initContainers":[{"name":"setup"}],"containers":[{"name":"app"}]},
             "status":{"phase":"Pending","initContainerStatuses":[{"name":"setup","restartCount":2,"state":STATE}]}}
            """;

        var error = TableTestData.Cells(PodPrinter.Table, Template.Replace("STATE", """{"terminated":{"exitCode":1,"reason":"Error"}}"""));
        var code = TableTestData.Cells(PodPrinter.Table, Template.Replace("STATE", """{"terminated":{"exitCode":3}}"""));
        var backoff = TableTestData.Cells(PodPrinter.Table, Template.Replace("STATE", """{"waiting":{"reason":"CrashLoopBackOff"}}"""));

        Assert.Equal("Init:Error", error["Status"]);
        Assert.Equal("Init:ExitCode:3", code["Status"]);
        Assert.Equal("Init:CrashLoopBackOff", backoff["Status"]);
        Assert.Equal("2", backoff["Restarts"]);
    }

    [Fact]
    public void Row_StartedSidecar_CountsInReadyAndTotal()
    {
        var cells = TableTestData.Cells(PodPrinter.Table, """
            {"metadata":{"name":"web"},
             "spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"app"}]},
             "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
               "initContainerStatuses":[{"name":"proxy","ready":true,"started":true,"restartCount":1,"state":{"running":{}}}],
               "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}}
            """);

        Assert.Equal("2/2", cells["Ready"]);
        Assert.Equal("Running", cells["Status"]);
        Assert.Equal("1", cells["Restarts"]);
    }

    [Fact]
    public void Row_DeletionTimestampOnRunningPod_ShowsTerminating()
    {
        var cells = Row(
            """{"phase":"Running","containerStatuses":[{"name":"app","ready":true,"state":{"running":{}}}]}""",
            ""","deletionTimestamp":"2025-01-01T11:59:00Z" """);

        Assert.Equal("Terminating", cells["Status"]);
    }

    [Fact]
    public void Row_DeletionTimestampOnSucceededPod_KeepsCompleted()
    {
        var cells = Row(
            """{"phase":"Succeeded","containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}""",
            ""","deletionTimestamp":"2025-01-01T11:59:00Z" """);

        Assert.Equal("Completed", cells["Status"]);
    }

    [Fact]
    public void Row_EvictedPod_ShowsStatusReason()
    {
        var cells = Row("""{"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory."}""");

        Assert.Equal("Evicted", cells["Status"]);
    }

    [Fact]
    public void Row_NodeLostWhileDeleting_ShowsUnknown()
    {
        var cells = Row("""{"phase":"Running","reason":"NodeLost"}""", ""","deletionTimestamp":"2025-01-01T11:59:00Z" """);

        Assert.Equal("Unknown", cells["Status"]);
    }

    [Fact]
    public void Row_CompletedContainerBesideRunningOne_ShowsRunningOrNotReady()
    {
        const string Statuses = """
            "containerStatuses":[{"name":"app","ready":true,"state":{"running":{}}},
                                 {"name":"job","ready":false,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]
            """;

        var ready = Row($$"""{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],{{Statuses}}}""");
        var notReady = Row($$"""{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],{{Statuses}}}""");

        Assert.Equal("Running", ready["Status"]);
        Assert.Equal("NotReady", notReady["Status"]);
    }

    [Fact]
    public void Row_SchedulingGated_ShowsSchedulingGated()
    {
        var cells = Row("""{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}""");

        Assert.Equal("SchedulingGated", cells["Status"]);
    }

    [Fact]
    public void Row_ReadinessGates_CountsTrueConditions()
    {
        var cells = TableTestData.Cells(PodPrinter.Table, """
            {"metadata":{"name":"web"},
             "spec":{"containers":[],"readinessGates":[{"conditionType":"a"},{"conditionType":"b"}]},
             "status":{"nominatedNodeName":"node-2","conditions":[{"type":"a","status":"True"},{"type":"b","status":"False"}]}}
            """);

        Assert.Equal("1/2", cells["Readiness Gates"]);
        Assert.Equal("node-2", cells["Nominated Node"]);
    }
}
