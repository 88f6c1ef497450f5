using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.CustomResources.Cel;
using SuperKube.Model.Meta;
using SuperKube.Registry;
using SuperKube.Schema;

namespace SuperKube.CustomResources;

/// <summary>
/// The <see cref="ResourceType"/>s a CRD serves, one per served version, preferred version first. They share one
/// storage key (<c>group/plural</c>), so every version sees the same objects.
/// </summary>
internal static class CustomResourceTypes
{
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public static IReadOnlyList<ResourceType> Build(CrdInfo crd, CrdNames names) =>
        [.. crd.ServedVersions.Select(v => Build(crd, names, v))];

    private static ResourceType Build(CrdInfo crd, CrdNames names, CrdVersion version)
    {
        var schema = CrdSchemaParser.Parse(version.Schema);
        var subresources = new List<SubresourceInfo>();
        ScaleInfo? scale = null;
        if (version.ScaleSubresource is { } scaleSpec)
        {
            scale = new ScaleInfo(
                JsonFields.Text(scaleSpec, "specReplicasPath") ?? ".spec.replicas",
                JsonFields.Text(scaleSpec, "statusReplicasPath") ?? ".status.replicas",
                JsonFields.Text(scaleSpec, "labelSelectorPath"));
            subresources.Add(new SubresourceInfo("scale", new GroupVersionKind("autoscaling", "v1", "Scale"), SubresourceVerbs));
        }

        if (version.StatusSubresource)
        {
            subresources.Add(new SubresourceInfo("status", new GroupVersionKind(crd.Group, version.Name, names.Kind), SubresourceVerbs));
        }

        return new ResourceType
        {
            Group = crd.Group,
            Version = version.Name,
            Kind = names.Kind,
            Plural = names.Plural,
            Singular = names.Singular,
            Scope = crd.Scope,
            ShortNames = names.ShortNames,
            Categories = names.Categories,
            Subresources = subresources,
            Table = PrinterColumns.For(version.PrinterColumns),
            SelectableFields = SelectableFields(version.SelectableFields),
            Strategy = new CustomResourceStrategy(schema, version.StatusSubresource, crd.Scope == ResourceScope.Namespaced, CelSchemaNode.Build(version.Schema, schema)),
            Schema = Published(schema, names.Kind),
            Scale = scale,
            DeprecationWarning = version.Deprecated
                ? version.DeprecationWarning ?? $"{crd.Group}/{version.Name} {names.Kind} is deprecated"
                : null,
            StorageKey = $"{crd.Group}/{names.Plural}",
        };
    }

    private static Dictionary<string, Func<JsonObject, string?>> SelectableFields(IReadOnlyList<string> paths)
    {
        var fields = new Dictionary<string, Func<JsonObject, string?>>(StringComparer.Ordinal);
        foreach (var text in paths)
        {
            if (SimpleJsonPath.TryParse(text) is { IsFieldPath: true } path)
            {
                fields[string.Join('.', path.Fields)] = obj => path.First(obj) switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    JsonValue v => v.ToJsonString(),
                    _ => null,
                };
            }
        }

        return fields;
    }

    // The schema published in OpenAPI: the CRD's, with apiVersion, kind and standard metadata as the real server adds them.
    private static StructuralSchema Published(StructuralSchema schema, string kind)
    {
        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal)
        {
            ["apiVersion"] = new() { Type = "string", Description = "APIVersion defines the versioned schema of this representation of an object." },
            ["kind"] = new() { Type = "string", Description = $"Kind is a string value representing the REST resource this object represents: {kind}." },
            ["metadata"] = ModelSchemaBuilder.Reference(typeof(ObjectMeta), "Standard object's metadata."),
        };
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, StructuralSchema>())
        {
            if (name is not ("apiVersion" or "kind" or "metadata"))
            {
                properties[name] = property;
            }
        }

        return new StructuralSchema
        {
            Type = "object",
            Description = schema.Description,
            Properties = properties,
            Required = schema.Required,
            PreserveUnknownFields = schema.PreserveUnknownFields,
        };
    }
}
