namespace SuperKube.CustomResources.Cel;

/// <summary>One compiled entry of <c>x-kubernetes-validations</c>.</summary>
/// <param name="Rule">The rule's source text.</param>
/// <param name="Program">The parsed rule.</param>
/// <param name="Message">The static failure message, or null.</param>
/// <param name="MessageExpression">The parsed messageExpression, or null.</param>
/// <param name="Reason">FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired or FieldValueDuplicate.</param>
/// <param name="FieldPath">The relative JSON path the failure is reported at (<c>.spec.replicas</c>), or null.</param>
/// <param name="IsTransition">True when the rule reads <c>oldSelf</c>.</param>
/// <param name="OptionalOldSelf">True when a transition rule also runs without an old value (oldSelf is then an optional).</param>
internal sealed record CelRule(
    string Rule,
    CelExpr Program,
    string? Message,
    CelExpr? MessageExpression,
    string Reason,
    string? FieldPath,
    bool IsTransition,
    bool OptionalOldSelf);
