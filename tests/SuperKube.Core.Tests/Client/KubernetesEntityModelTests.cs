using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SuperKube.Model;
using SuperKube.Model.Meta;

namespace SuperKube.Client.Tests;

/// <summary>User model types marked with [KubernetesEntity] work with the typed helpers like the built-in models.</summary>
public sealed class KubernetesEntityModelTests
{
    [Fact]
    public void ModelResources_EntityType_ResourceFromTheAttribute()
    {
        Assert.Equal(new ApiResource("example.com", "v1", "gadgets"), ModelResources.For(typeof(Gadget)));
        Assert.Equal("Gadget", ModelResources.KindOf(typeof(Gadget)));
    }

    [Fact]
    public void ModelResources_UnmarkedType_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelResources.For(typeof(string)));

        Assert.Contains("[KubernetesEntity]", error.Message);
    }

    [Fact]
    public void FromJsonToJson_EntityType_RoundTripsUnknownFieldsAndFillsKind()
    {
        var json = JsonNode.Parse("""{"metadata":{"name":"g","labels":{"a":"b"}},"spec":{"size":3},"extra":{"kept":true}}""")!.AsObject();

        var gadget = KubernetesClientExtensions.FromJson<Gadget>(json);
        var back = KubernetesClientExtensions.ToJson(gadget);

        Assert.Equal(3, gadget.Spec!["size"]!.GetValue<int>());
        Assert.Equal("b", gadget.Metadata!.Labels!["a"]);
        Assert.Equal(("example.com/v1", "Gadget"), ((string?)back["apiVersion"], (string?)back["kind"]));
        Assert.True((bool)back["extra"]!["kept"]!);
        Assert.Null(back["status"]);
    }

    [KubernetesEntity(Group = "example.com", ApiVersion = "v1", Kind = "Gadget", PluralName = "gadgets")]
    public sealed class Gadget : IKubernetesObject
    {
        public string? ApiVersion { get; set; }

        public string? Kind { get; set; }

        public ObjectMeta? Metadata { get; set; }

        public JsonObject? Spec { get; set; }

        public JsonObject? Status { get; set; }

        [JsonExtensionData]
        public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
