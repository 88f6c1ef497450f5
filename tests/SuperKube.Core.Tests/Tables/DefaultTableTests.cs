namespace SuperKube.Tables.Tests;

public class DefaultTableTests
{
    [Fact]
    public void DefaultTables_CreatedAt_IsUtcRfc3339()
    {
        var cells = TableTestData.Cells(DefaultTable.CreatedAt, """{"metadata":{"name":"r","creationTimestamp":"2025-01-01T13:00:00+02:00"}}""");

        Assert.Equal("2025-01-01T11:00:00Z", cells["Created At"]);
    }
}
