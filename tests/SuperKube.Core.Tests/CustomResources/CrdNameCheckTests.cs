namespace SuperKube.CustomResources.Tests;

public sealed class CrdNameCheckTests
{
    private static readonly CrdNames Widget = new("widgets", "widget", "Widget", "WidgetList", ["wd"], ["all"]);

    [Fact]
    public void Check_NoConflicts_AcceptsAll()
    {
        var result = CrdNameCheck.Check(Widget, CrdNames.Empty, InUse([], []));

        Assert.Null(result.Reason);
        Assert.Equal(Widget, result.Accepted);
    }

    [Fact]
    public void Check_PluralTaken_PluralConflictAndKeepsOldName()
    {
        var result = CrdNameCheck.Check(Widget, CrdNames.Empty, InUse(["widgets"], []));

        Assert.Equal("PluralConflict", result.Reason);
        Assert.Equal("\"widgets\" is already in use", result.Message);
        Assert.Equal("", result.Accepted.Plural);
        Assert.Equal("Widget", result.Accepted.Kind);
    }

    [Fact]
    public void Check_SeveralConflicts_LastCheckedWins()
    {
        var result = CrdNameCheck.Check(Widget, CrdNames.Empty, InUse(["wd"], ["Widget", "WidgetList"]));

        Assert.Equal("ListKindConflict", result.Reason);
        Assert.Empty(result.Accepted.ShortNames);
    }

    [Fact]
    public void Check_AlreadyAcceptedName_StaysAccepted()
    {
        var result = CrdNameCheck.Check(Widget, Widget, InUse(["widgets", "wd"], ["Widget"]));

        Assert.Null(result.Reason);
    }

    private static CrdNameCheck.InUse InUse(string[] resources, string[] kinds) => new(resources.ToHashSet(), kinds.ToHashSet());
}
