using SuperKube.Registry;

namespace SuperKube.Tables.Tests;

public class BuiltInTablesTests
{
    public static TheoryData<string, string> Resources() =>
        [.. BuiltInResources.Create().Where(r => !r.IsVirtual).Select(r => (r.Group, r.Plural)).Distinct()];

    [Theory]
    [MemberData(nameof(Resources))]
    public void For_EveryBuiltInResource_HasTableWithOneCellPerColumnForBareObject(string group, string plural)
    {
        var table = BuiltInTables.For(group, plural);

        Assert.NotNull(table);
        var row = table.Row(TableTestData.Parse("""{"metadata":{"name":"x"}}"""), TableTestData.Now);
        Assert.Equal(table.Columns.Count, row.Length);
        Assert.All(row, cell => Assert.True(cell is string or long or bool, $"{group}/{plural}: unexpected cell {cell?.GetType()}"));
        Assert.Contains("x", row);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void For_EveryBuiltInResource_SurvivesFieldsOfWrongTypes(string group, string plural)
    {
        var table = BuiltInTables.For(group, plural)!;
        var odd = TableTestData.Parse("""
            {"metadata":{"name":7,"labels":[],"creationTimestamp":true,"ownerReferences":{}},
             "spec":[1],"status":"broken","subsets":3,"involvedObject":"x","data":"y","roleRef":null}
            """);

        var row = table.Row(odd, TableTestData.Now);

        Assert.Equal(table.Columns.Count, row.Length);
    }

    [Fact]
    public void For_BuiltInResources_NameColumnFirstExceptEvents()
    {
        foreach (var resource in BuiltInResources.Create().Where(r => r.Plural != "events" && !r.IsVirtual))
        {
            var first = resource.Table!.Columns[0];
            Assert.Equal(("Name", "string", "name"), (first.Name, first.Type, first.Format));
        }
    }

    [Fact]
    public void For_UnknownResource_IsNull()
    {
        Assert.Null(BuiltInTables.For("example.com", "widgets"));
    }

    [Fact]
    public void For_RolesAndCrds_UseCreatedAtTable()
    {
        Assert.Same(DefaultTable.CreatedAt, BuiltInTables.For("rbac.authorization.k8s.io", "roles"));
        Assert.Same(DefaultTable.CreatedAt, BuiltInTables.For("apiextensions.k8s.io", "customresourcedefinitions"));
    }
}
