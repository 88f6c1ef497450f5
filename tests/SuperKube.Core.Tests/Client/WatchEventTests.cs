using System.Text;
using SuperKube.Model.Core;

namespace SuperKube.Client.Tests;

public sealed class WatchEventTests
{
    [Fact]
    public void SharedModel_EventFromBytesWithManagedFields_ReadsTheModelWithoutThem()
    {
        var json = """{"kind":"ConfigMap","metadata":{"name":"a","resourceVersion":"5","managedFields":[{"manager":"m","operation":"Update","fieldsV1":{"f:data":{}}}]},"data":{"k":"v"}}""";
        var change = new WatchEvent("ADDED", Encoding.UTF8.GetBytes(json), "5");

        var model = change.SharedModel<ConfigMap>();

        Assert.Null(model.Metadata?.ManagedFields);
        Assert.Equal("a", model.Metadata?.Name);
        Assert.Equal("v", model.Data?["k"]);
        Assert.Single(change.ToModel<ConfigMap>().Metadata?.ManagedFields ?? []);
    }
}
