namespace SuperKube.Tables.Tests;

public class EventPrinterTests
{
    [Fact]
    public void Row_CoreEvent_CellsInColumnOrder()
    {
        var row = EventPrinter.Table.Row(TableTestData.Parse("""
            {"metadata":{"name":"web.17a"},"type":"Normal","reason":"Scheduled","message":" Assigned pod \n",
             "involvedObject":{"kind":"Pod","name":"web","fieldPath":"spec.containers{app}"},
             "source":{"component":"kubelet","host":"node-1"},
             "firstTimestamp":"2025-01-01T11:50:00Z","lastTimestamp":"2025-01-01T11:58:00Z","count":4}
            """), TableTestData.Now);

        Assert.Equal(["2m", "Normal", "Scheduled", "pod/web", "spec.containers{app}", "kubelet, node-1", "Assigned pod", "10m", 4L, "web.17a"], row);
        Assert.Equal("Name", EventPrinter.Table.Columns[^1].Name);
        Assert.Equal(1, EventPrinter.Table.Columns[^1].Priority);
    }

    [Fact]
    public void Row_NewStyleEvent_UsesEventTimeSeriesAndReportingController()
    {
        var cells = TableTestData.Cells(EventPrinter.Table, """
            {"metadata":{"name":"e"},"type":"Warning","reason":"BackOff","note":"Back-off restarting",
             "regarding":{"kind":"Pod","name":"web"},"eventTime":"2025-01-01T11:00:00.000000Z",
             "reportingController":"kubelet","reportingInstance":"node-1",
             "series":{"count":7,"lastObservedTime":"2025-01-01T11:59:30.000000Z"}}
            """);

        Assert.Equal("30s", cells["Last Seen"]);
        Assert.Equal("60m", cells["First Seen"]);
        Assert.Equal(7L, cells["Count"]);
        Assert.Equal("pod/web", cells["Object"]);
        Assert.Equal("kubelet, node-1", cells["Source"]);
        Assert.Equal("Back-off restarting", cells["Message"]);
    }

    [Fact]
    public void Row_SingletonWithoutTimes_CountOneAndUnknownTimes()
    {
        var cells = TableTestData.Cells(EventPrinter.Table, """
            {"metadata":{"name":"e"},"involvedObject":{"kind":"Node"},"source":{"component":"controller"}}
            """);

        Assert.Equal(1L, cells["Count"]);
        Assert.Equal("<unknown>", cells["Last Seen"]);
        Assert.Equal("node", cells["Object"]);
        Assert.Equal("controller", cells["Source"]);
    }
}
