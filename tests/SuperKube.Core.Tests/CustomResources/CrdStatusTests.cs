namespace SuperKube.CustomResources.Tests;

public sealed class CrdStatusTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WithNames_Accepted_EstablishedWithUpstreamReasons()
    {
        var crd = CrdFixtures.Widgets();
        var names = CrdInfo.From(crd).Names;

        var updated = CrdStatus.WithNames(crd, new CrdNameCheck.Result(names, null, null), established: true, Now);

        Assert.True(CrdStatus.Has(updated, "NamesAccepted"));
        Assert.True(CrdStatus.Has(updated, "Established"));
        Assert.Equal("widgets", (string?)updated["status"]!["acceptedNames"]!["plural"]);
        Assert.Equal("""["v1"]""", updated["status"]!["storedVersions"]!.ToJsonString());
        Assert.Contains("\"reason\":\"InitialNamesAccepted\"", updated["status"]!["conditions"]!.ToJsonString());
    }

    [Fact]
    public void WithNames_Conflict_NotEstablishedAndTransitionTimeKeptWhileUnchanged()
    {
        var crd = CrdFixtures.Widgets();
        var conflict = new CrdNameCheck.Result(CrdNames.Empty, "KindConflict", "\"Widget\" is already in use");

        var first = CrdStatus.WithNames(crd, conflict, established: false, Now);
        var second = CrdStatus.WithNames(first, conflict, established: false, Now.AddMinutes(5));

        Assert.False(CrdStatus.Has(second, "NamesAccepted"));
        Assert.False(CrdStatus.Has(second, "Established"));
        Assert.Contains("\"reason\":\"NotAccepted\"", second["status"]!["conditions"]!.ToJsonString());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(first["status"], second["status"]));
    }
}
