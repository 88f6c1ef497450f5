using System.Text.Json.Nodes;
using SuperKube.CustomResources.Cel;
using SuperKube.Registry;
using SuperKube.Schema;
using SuperKube.Validation;

namespace SuperKube.CustomResources;

/// <summary>
/// Write behaviour of one custom resource version: schema defaults, pruning of undeclared fields, the metadata rules
/// every kind follows, schema validation, and the status split when the CRD enables the status subresource.
/// </summary>
internal sealed class CustomResourceStrategy(StructuralSchema schema, bool hasStatus, bool namespaced, CelSchemaNode? rules = null) : IResourceStrategy
{
    // Upstream does not run rules over values of the wrong type; it says so instead.
    private static readonly FieldError NotChecked = FieldError.Invalid("<nil>", null,
        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation");

    public bool HasStatus => hasStatus;

    public void Default(JsonObject obj) => SchemaDefaulter.Apply(obj, schema);

    public IReadOnlyList<string> Prune(JsonObject obj) => SchemaPruner.Prune(obj, schema);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = ObjectMetaValidator.Validate(obj, NamePolicy.Subdomain, namespaced);
        var schemaErrors = SchemaValidator.Validate(obj, schema);
        IReadOnlyList<FieldError> ruleErrors = rules is null ? []
            : schemaErrors.Any(e => e.Reason == "FieldValueTypeInvalid") ? [NotChecked]
            : CelValidator.Validate(rules, obj, old);
        return schemaErrors.Count == 0 && ruleErrors.Count == 0 ? errors : [.. errors, .. schemaErrors, .. ruleErrors];
    }
}
