using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Model.Core;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Client.Tests;

public sealed class ObjectListTests
{
    private const string Json = """{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"7","managedFields":[{"manager":"m","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]},"data":{"k":"v"}}""";

    [Fact]
    public void SharedModels_ListOfCachedObjects_AreTheInstancesWatchersShare()
    {
        var cached = new CachedObject(new StoredObject(new ObjectKey("configmaps", "ns", "a"), 7, Encoding.UTF8.GetBytes(Json)));
        var list = new ObjectList("7", [cached], "");

        var model = Assert.Single(list.SharedModels<ConfigMap>());

        Assert.Same(cached.SharedModel<ConfigMap>(), model);
        Assert.Null(model.Metadata?.ManagedFields);
        Assert.Equal("v", model.Data?["k"]);
    }

    [Fact]
    public void Items_ListOfCachedObjects_AreParsedCopiesWithEverything()
    {
        var cached = new CachedObject(new StoredObject(new ObjectKey("configmaps", "ns", "a"), 7, Encoding.UTF8.GetBytes(Json)));
        var list = new ObjectList("7", [cached], "");

        var item = Assert.Single(list.Items);

        Assert.Same(item, list.Items[0]);
        Assert.Single(item["metadata"]!["managedFields"]!.AsArray());
    }

    [Fact]
    public void SharedModels_ItemsReplacedWithWith_ReadsTheNewItems()
    {
        var cached = new CachedObject(new StoredObject(new ObjectKey("configmaps", "ns", "a"), 7, Encoding.UTF8.GetBytes(Json)));
        var replaced = new ObjectList("7", [cached], "") with { Items = [JsonNode.Parse("""{"kind":"ConfigMap","metadata":{"name":"b"}}""")!.AsObject()] };

        Assert.Equal("b", Assert.Single(replaced.SharedModels<ConfigMap>()).Metadata?.Name);
    }

    [Fact]
    public void SharedModels_ListOfParsedObjects_AreModelsWithoutManagedFields()
    {
        var list = new ObjectList("7", [JsonNode.Parse(Json)!.AsObject()]);

        var model = Assert.Single(list.SharedModels<ConfigMap>());

        Assert.Null(model.Metadata?.ManagedFields);
        Assert.Equal("a", model.Metadata?.Name);
    }
}
