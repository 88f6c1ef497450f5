using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Apps;
using SuperKube.Registry;

namespace SuperKube.Model.Tests;

public class BuiltInModelsTests
{
    public static TheoryData<Type> ModelClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(IKubernetesObject).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsPublic: true } && t.Namespace?.StartsWith("SuperKube.Model.", StringComparison.Ordinal) == true))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void For_KnownKind_ReturnsModel()
    {
        Assert.Equal(typeof(Deployment), BuiltInModels.For("apps", "v1", "Deployment"));
        Assert.Null(BuiltInModels.For("apps", "v1", "Unknown"));
    }

    [Fact]
    public void All_EveryModel_ImplementsIKubernetesObject()
    {
        Assert.All(BuiltInModels.All.Values, t => Assert.True(typeof(IKubernetesObject).IsAssignableFrom(t), t.Name));
    }

    [Fact]
    public void All_EveryModel_HasJsonTypeInfoInTheContext()
    {
        Assert.All(BuiltInModels.All.Values, t => Assert.NotNull(ModelJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void BuiltInResources_ResourcesWithModel_PointAtMatchingKind()
    {
        var resources = BuiltInResources.Create().Where(r => r.ModelType is not null).ToList();

        Assert.Contains(resources, r => r.Kind == "Pod");
        Assert.All(resources, r => Assert.Equal(r.Kind, r.ModelType!.Name));
    }

    [Theory]
    [MemberData(nameof(ModelClasses))]
    public void ModelClass_FollowsTheModelRules(Type type)
    {
        Assert.False(string.IsNullOrWhiteSpace(type.GetCustomAttribute<DescriptionAttribute>()?.Description), $"{type.Name} has no description");
        var extension = type.GetProperty("AdditionalProperties");
        Assert.NotNull(extension);
        Assert.True(extension.IsDefined(typeof(JsonExtensionDataAttribute)));
        Assert.Equal(typeof(IDictionary<string, JsonElement>), extension.PropertyType);
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties())
        {
            Assert.False(string.IsNullOrWhiteSpace(property.GetCustomAttribute<DescriptionAttribute>()?.Description), $"{type.Name}.{property.Name} has no description");
            Assert.True(property.CanRead && property.CanWrite, $"{type.Name}.{property.Name} is not get/set");
            Assert.Equal(NullabilityState.Nullable, nullability.Create(property).WriteState);
        }
    }
}
