using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.CustomResources.Tests;

public sealed class CustomResourceTypesTests
{
    private static readonly CrdInfo Crd = CrdInfo.From(CrdFixtures.Widgets());

    [Fact]
    public void Build_ServedVersions_PreferredFirstSharingStorage()
    {
        var types = CustomResourceTypes.Build(Crd, Crd.Names);

        Assert.Equal(["v1", "v1beta1"], types.Select(t => t.Version));
        Assert.All(types, t => Assert.Equal("example.com/widgets", t.StorageKey));
        Assert.All(types, t => Assert.Equal(ResourceScope.Namespaced, t.Scope));
        Assert.Equal(["wd"], types[0].ShortNames);
        Assert.Equal(["all"], types[0].Categories);
    }

    [Fact]
    public void Build_Subresources_ScaleAndStatusFromVersion()
    {
        var (v1, v1beta1) = (CustomResourceTypes.Build(Crd, Crd.Names)[0], CustomResourceTypes.Build(Crd, Crd.Names)[1]);

        Assert.Equal(["scale", "status"], v1.Subresources.Select(s => s.Name));
        Assert.Equal(new GroupVersionKind("autoscaling", "v1", "Scale"), v1.Subresources[0].ResponseKind);
        Assert.Equal(new ScaleInfo(".spec.size", ".status.replicas", ".status.selector"), v1.Scale);
        Assert.True(v1.Strategy.HasStatus);
        Assert.Empty(v1beta1.Subresources);
        Assert.False(v1beta1.Strategy.HasStatus);
    }

    [Fact]
    public void Build_DeprecatedVersion_DefaultWarning()
    {
        var types = CustomResourceTypes.Build(Crd, Crd.Names);

        Assert.Null(types[0].DeprecationWarning);
        Assert.Equal("example.com/v1beta1 Widget is deprecated", types[1].DeprecationWarning);
    }

    [Fact]
    public void Build_SelectableFieldsTableAndSchema_FromVersion()
    {
        var v1 = CustomResourceTypes.Build(Crd, Crd.Names)[0];
        var obj = JsonNode.Parse("""{"metadata":{"name":"w"},"spec":{"color":"red","size":2}}""")!.AsObject();

        Assert.Equal("red", v1.SelectableFields["spec.color"](obj));
        Assert.Equal(["Name", "Size"], v1.Table!.Columns.Select(c => c.Name));
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], v1.Schema!.Properties!.Keys);
    }

    [Fact]
    public void Strategy_UnknownFieldAndBadValue_PrunedThenRejected()
    {
        var v1 = CustomResourceTypes.Build(Crd, Crd.Names)[0];
        var obj = JsonNode.Parse("""{"metadata":{"name":"w","namespace":"ns"},"spec":{"size":20,"extra":1}}""")!.AsObject();

        v1.Strategy.Default(obj);
        var pruned = v1.Strategy.Prune(obj);
        var errors = v1.Strategy.Validate(obj, null);

        Assert.Equal(["spec.extra"], pruned);
        Assert.Equal("spec.size: Invalid value: 20: spec.size in body should be less than or equal to 10", Assert.Single(errors).ToString());
    }
}
