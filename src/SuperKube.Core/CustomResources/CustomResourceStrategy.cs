using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Schema;
using SuperKube.Validation;

namespace SuperKube.CustomResources;

/// <summary>
/// Write behaviour of one custom resource version: schema defaults, pruning of undeclared fields, the metadata rules
/// every kind follows, schema validation, and the status split when the CRD enables the status subresource.
/// </summary>
internal sealed class CustomResourceStrategy(StructuralSchema schema, bool hasStatus, bool namespaced) : IResourceStrategy
{
    public bool HasStatus => hasStatus;

    public void Default(JsonObject obj) => SchemaDefaulter.Apply(obj, schema);

    public IReadOnlyList<string> Prune(JsonObject obj) => SchemaPruner.Prune(obj, schema);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = ObjectMetaValidator.Validate(obj, NamePolicy.Subdomain, namespaced);
        var schemaErrors = SchemaValidator.Validate(obj, schema);
        return schemaErrors.Count == 0 ? errors : [.. errors, .. schemaErrors];
    }
}
