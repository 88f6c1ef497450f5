namespace SuperKube.Resources;

/// <summary>The <c>fieldValidation</c> query parameter: how unknown or duplicate fields in a body are treated.</summary>
public enum FieldValidation
{
    Strict,
    Warn,
    Ignore,
}
