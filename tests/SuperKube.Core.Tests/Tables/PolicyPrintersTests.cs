namespace SuperKube.Tables.Tests;

public class PolicyPrintersTests
{
    [Fact]
    public void PodDisruptionBudgets_Row_IntOrStringAndNotApplicable()
    {
        var cells = TableTestData.Cells(PolicyPrinters.PodDisruptionBudgets, """
            {"metadata":{"name":"pdb"},"spec":{"minAvailable":"50%"},"status":{"disruptionsAllowed":1}}
            """);
        var numeric = TableTestData.Cells(PolicyPrinters.PodDisruptionBudgets, """{"metadata":{"name":"pdb"},"spec":{"maxUnavailable":1}}""");

        Assert.Equal("50%", cells["Min Available"]);
        Assert.Equal("N/A", cells["Max Unavailable"]);
        Assert.Equal(1L, cells["Allowed Disruptions"]);
        Assert.Equal("1", numeric["Max Unavailable"]);
    }

    [Fact]
    public void PriorityClasses_Row_TypedCells()
    {
        var cells = TableTestData.Cells(PolicyPrinters.PriorityClasses, """
            {"metadata":{"name":"system-node-critical"},"value":2000001000,"globalDefault":false,"preemptionPolicy":"PreemptLowerPriority"}
            """);

        Assert.Equal(2000001000L, cells["Value"]);
        Assert.Equal(false, cells["Global-Default"]);
        Assert.Equal("PreemptLowerPriority", cells["PreemptionPolicy"]);
    }
}
