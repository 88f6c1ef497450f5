using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Registry;

/// <summary>
/// The default strategy: optional defaulting and kind validation on top of the metadata rules every kind follows.
/// </summary>
public sealed class ResourceStrategy : IResourceStrategy
{
    private readonly Action<JsonObject>? _defaulter;
    private readonly Func<JsonObject, JsonObject?, IReadOnlyList<FieldError>>? _validator;
    private readonly NamePolicy _namePolicy;
    private readonly bool _namespaced;

    public ResourceStrategy(
        bool hasStatus,
        NamePolicy namePolicy,
        bool namespaced,
        Action<JsonObject>? defaulter = null,
        Func<JsonObject, JsonObject?, IReadOnlyList<FieldError>>? validator = null)
    {
        HasStatus = hasStatus;
        _namePolicy = namePolicy;
        _namespaced = namespaced;
        _defaulter = defaulter;
        _validator = validator;
    }

    public bool HasStatus { get; }

    public void Default(JsonObject obj) => _defaulter?.Invoke(obj);

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = ObjectMetaValidator.Validate(obj, _namePolicy, _namespaced);
        if (_validator is null)
        {
            return errors;
        }

        var kindErrors = _validator(obj, old);
        return kindErrors.Count == 0 ? errors : [.. errors, .. kindErrors];
    }
}
