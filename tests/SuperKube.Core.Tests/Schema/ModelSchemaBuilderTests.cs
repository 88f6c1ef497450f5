using SuperKube.Model;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Schema.Tests;

public class ModelSchemaBuilderTests
{
    [Fact]
    public void For_Pod_DescribesContainersAsMergedListOfContainers()
    {
        var pod = ModelSchemaBuilder.For(typeof(Pod));

        var containers = pod.Property("spec")?.Property("containers");
        Assert.NotNull(containers);
        Assert.Equal("array", containers.Type);
        Assert.Equal("name", containers.PatchMergeKey);
        Assert.Equal("merge", containers.PatchStrategy);
        Assert.Equal("map", containers.ListType);
        Assert.Equal(["name"], containers.ListMapKeys);
        Assert.False(string.IsNullOrEmpty(containers.Description));
        var item = containers.Items;
        Assert.NotNull(item);
        Assert.Equal(typeof(Container), ModelSchemaBuilder.ReferencedType(item));
        Assert.Equal("string", item.Property("image")?.Type);
    }

    [Fact]
    public void For_Pod_KeepsDeclarationOrderAndJsonNames()
    {
        var pod = ModelSchemaBuilder.For(typeof(Pod));

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], pod.Properties!.Keys);
        var port = ModelSchemaBuilder.For(typeof(ContainerPort));
        Assert.Contains("containerPort", port.Properties!.Keys);
        Assert.Contains("hostIP", port.Properties.Keys);
        Assert.Contains("Port", ModelSchemaBuilder.For(typeof(DaemonEndpoint)).Properties!.Keys);
    }

    [Fact]
    public void For_ContainerPorts_UseServerSideApplyKeysThatDifferFromMergeKey()
    {
        var ports = ModelSchemaBuilder.For(typeof(Container)).Property("ports");

        Assert.Equal("containerPort", ports?.PatchMergeKey);
        Assert.Equal(["containerPort", "protocol"], ports?.ListMapKeys);
    }

    [Fact]
    public void For_ScalarsMapsAndSpecialTypes_MapToOpenApiTypes()
    {
        var meta = ModelSchemaBuilder.For(typeof(ObjectMeta));
        var deployment = ModelSchemaBuilder.For(typeof(DeploymentSpec));
        var rolling = ModelSchemaBuilder.For(typeof(RollingUpdateDeployment));

        Assert.Equal(("integer", "int64"), (meta.Property("generation")?.Type, meta.Property("generation")?.Format));
        Assert.Equal(("string", "date-time"), (meta.Property("creationTimestamp")?.Type, meta.Property("creationTimestamp")?.Format));
        Assert.Equal("object", meta.Property("labels")?.Type);
        Assert.Equal("string", meta.Property("labels")?.AdditionalProperties?.Type);
        Assert.Equal("set", meta.Property("finalizers")?.ListType);
        Assert.True(ModelSchemaBuilder.For(typeof(ManagedFieldsEntry)).Property("fieldsV1")?.PreserveUnknownFields);
        Assert.Equal(("integer", "int32"), (deployment.Property("replicas")?.Type, deployment.Property("replicas")?.Format));
        Assert.Equal("retainKeys", deployment.Property("strategy")?.PatchStrategy);
        Assert.True(rolling.Property("maxSurge")?.IntOrString);
        Assert.Null(rolling.Property("maxSurge")?.Type);
    }

    [Fact]
    public void For_AtomicStruct_CarriesMapTypeOnClassAndOnUses()
    {
        Assert.Equal("atomic", ModelSchemaBuilder.For(typeof(LabelSelector)).MapType);
        Assert.Equal("atomic", ModelSchemaBuilder.For(typeof(DeploymentSpec)).Property("selector")?.MapType);
        Assert.Equal("atomic", ModelSchemaBuilder.For(typeof(PodSpec)).Property("nodeSelector")?.MapType);
    }

    [Fact]
    public void For_EveryModelClass_UsesTheJsonNamesOfTheSerializer()
    {
        var modelClasses = typeof(IKubernetesObject).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsPublic: true } && t.Namespace?.StartsWith("SuperKube.Model.", StringComparison.Ordinal) == true);

        foreach (var type in modelClasses)
        {
            var serializerNames = ModelJsonContext.Default.GetTypeInfo(type)!.Properties
                .Where(p => !p.IsExtensionData).Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(serializerNames, ModelSchemaBuilder.For(type).Properties!.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void For_SameType_ReturnsCachedInstance()
    {
        Assert.Same(ModelSchemaBuilder.For(typeof(Pod)), ModelSchemaBuilder.For(typeof(Pod)));
    }

    [Fact]
    public void For_ReferenceToModel_SharesPropertiesButHasOwnDescription()
    {
        var spec = ModelSchemaBuilder.For(typeof(Pod)).Property("spec");

        Assert.Same(ModelSchemaBuilder.For(typeof(PodSpec)).Properties, spec?.Properties);
        Assert.NotEqual(ModelSchemaBuilder.For(typeof(PodSpec)).Description, spec?.Description);
        Assert.Equal(typeof(PodSpec), ModelSchemaBuilder.ReferencedType(spec!));
    }

    [Fact]
    public void For_EveryBuiltInModel_HasDescriptionsOnEveryField()
    {
        foreach (var type in BuiltInModels.All.Values)
        {
            AssertDescribed(ModelSchemaBuilder.For(type), type.Name, depth: 0);
        }
    }

    private static void AssertDescribed(StructuralSchema schema, string path, int depth)
    {
        if (depth > 12 || schema.Properties is null)
        {
            return;
        }

        foreach (var (name, property) in schema.Properties)
        {
            Assert.False(string.IsNullOrWhiteSpace(property.Description), $"{path}.{name} has no description");
            AssertDescribed(property.Items ?? property, $"{path}.{name}", depth + 1);
        }
    }
}
