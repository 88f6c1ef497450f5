using System.Text;
using SuperKube.Storage;

namespace SuperKube.WatchCache.Tests;

public sealed class CachedObjectTests
{
    [Theory]
    [InlineData("""{"metadata":{"name":"a","deletionTimestamp":"2025-01-01T00:00:00Z"}}""", true)]
    [InlineData("""{"kind":"Namespace","metadata":{"labels":{"x":"y"},"deletionTimestamp":"2025-01-01T00:00:00Z","uid":"u"}}""", true)]
    [InlineData("""{"metadata":{"name":"a","deletionTimestamp":null}}""", false)]
    [InlineData("""{"metadata":{"name":"a"}}""", false)]
    [InlineData("""{"spec":{"deletionTimestamp":"2025-01-01T00:00:00Z"},"metadata":{"name":"a"}}""", false)]
    [InlineData("""{"kind":"ConfigMap"}""", false)]
    public void IsDeleting_Object_ReflectsMetadataDeletionTimestamp(string json, bool expected)
    {
        var cached = new CachedObject(new StoredObject(new ObjectKey("namespaces", "", "a"), 1, Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, cached.IsDeleting);
        Assert.Equal(expected, cached.IsDeleting);
    }

    [Fact]
    public void SharedModel_ObjectWithManagedFields_IsReadOnceWithoutThem()
    {
        var json = """{"kind":"ConfigMap","metadata":{"name":"a","managedFields":[{"manager":"m","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]},"data":{"k":"v"}}""";
        var cached = new CachedObject(new StoredObject(new ObjectKey("configmaps", "ns", "a"), 1, Encoding.UTF8.GetBytes(json)));

        var model = cached.SharedModel<SuperKube.Model.Core.ConfigMap>();

        Assert.Null(model.Metadata?.ManagedFields);
        Assert.Equal("a", model.Metadata?.Name);
        Assert.Equal("v", model.Data?["k"]);
        Assert.Same(model, cached.SharedModel<SuperKube.Model.Core.ConfigMap>());
    }

    [Fact]
    public void Labels_ObjectWithLabelsAfterOtherMetadata_AreRead()
    {
        var json = """{"metadata":{"name":"a","deletionTimestamp":"2025-01-01T00:00:00Z","labels":{"app":"web"}}}""";
        var cached = new CachedObject(new StoredObject(new ObjectKey("pods", "ns", "a"), 1, Encoding.UTF8.GetBytes(json)));

        Assert.Equal("web", cached.Labels["app"]);
    }
}
