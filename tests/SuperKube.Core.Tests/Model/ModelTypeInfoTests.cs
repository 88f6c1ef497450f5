using System.Text;
using SuperKube.Model.Core;

namespace SuperKube.Model.Tests;

public sealed class ModelTypeInfoTests
{
    private const string ConfigMapJson = """
        {
          "apiVersion": "v1",
          "kind": "ConfigMap",
          "metadata": {
            "name": "settings",
            "namespace": "default",
            "labels": {"app": "web"},
            "managedFields": [
              {"manager": "kubectl", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
               "fieldsV1": {"f:data": {".": {}, "f:mode": {}}, "f:metadata": {"f:labels": {".": {}, "f:app": {}}}}}
            ],
            "futureField": 7
          },
          "data": {"mode": "fast"}
        }
        """;

    [Fact]
    public void DeserializeWithoutManagedFields_ObjectWithManagedFields_KeepsEverythingElse()
    {
        var json = Encoding.UTF8.GetBytes(ConfigMapJson);

        var model = ModelTypeInfo.DeserializeWithoutManagedFields<ConfigMap>(json);

        Assert.Null(model.Metadata?.ManagedFields);
        Assert.False(model.Metadata?.AdditionalProperties?.ContainsKey("managedFields") ?? false);
        Assert.Equal("settings", model.Metadata?.Name);
        Assert.Equal("default", model.Metadata?.Namespace);
        Assert.Equal("web", model.Metadata?.Labels?["app"]);
        Assert.Equal(7, model.Metadata?.AdditionalProperties?["futureField"].GetInt32());
        Assert.Equal("fast", model.Data?["mode"]);
    }

    [Fact]
    public void Deserialize_ObjectWithManagedFields_StillReadsThem()
    {
        var json = Encoding.UTF8.GetBytes(ConfigMapJson);

        _ = ModelTypeInfo.DeserializeWithoutManagedFields<ConfigMap>(json);
        var model = ModelTypeInfo.Deserialize<ConfigMap>(json);

        Assert.Equal("kubectl", Assert.Single(model.Metadata?.ManagedFields ?? []).Manager);
    }

    [Fact]
    public void DeserializeWithoutManagedFields_MalformedManagedFields_IsStillRejected()
    {
        var json = Encoding.UTF8.GetBytes("""{"metadata": {"name": "a", "managedFields": [{"manager": }]}}""");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ModelTypeInfo.DeserializeWithoutManagedFields<ConfigMap>(json));
    }
}
