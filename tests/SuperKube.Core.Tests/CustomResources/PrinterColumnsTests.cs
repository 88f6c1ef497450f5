using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class PrinterColumnsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_NoColumns_NameAndAge()
    {
        var table = PrinterColumns.For(null);

        Assert.Equal(["Name", "Age"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void For_Columns_NameFirstThenEachWithTypeAndPriority()
    {
        var table = PrinterColumns.For(JsonNode.Parse("""
            [{"name":"Size","type":"integer","jsonPath":".spec.size"},
             {"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status","priority":1,"description":"Readiness"},
             {"name":"Ratio","type":"number","jsonPath":".spec.ratio"},
             {"name":"Paused","type":"boolean","jsonPath":".spec.paused"},
             {"name":"Started","type":"date","jsonPath":".status.started"},
             {"name":"Tags","type":"string","jsonPath":".spec.tags"},
             {"name":"Missing","type":"string","jsonPath":".spec.nothing"}]
            """)!.AsArray());
        var obj = JsonNode.Parse("""
            {"metadata":{"name":"w"},"spec":{"size":3,"ratio":0.5,"paused":true,"tags":["a"]},
             "status":{"started":"2025-01-01T11:00:00Z","conditions":[{"type":"Ready","status":"True"}]}}
            """)!.AsObject();

        var cells = table.Row(obj, Now);

        Assert.Equal(["Name", "Size", "Ready", "Ratio", "Paused", "Started", "Tags", "Missing"], table.Columns.Select(c => c.Name));
        Assert.Equal(1, table.Columns[2].Priority);
        Assert.Equal("date", table.Columns[5].Type);
        Assert.Equal(["w", 3L, "True", 0.5, true, "60m", "[\"a\"]", null], cells);
    }

    [Fact]
    public void Cell_WrongType_Null() =>
        Assert.Null(PrinterColumns.Cell("integer", SimpleJsonPath.Parse(".a"), JsonNode.Parse("""{"a":"x"}""")!.AsObject(), Now));
}
