namespace SuperKube.Validation;

/// <summary>
/// One field-level validation failure. It becomes a cause of a 422 <c>Invalid</c> Status:
/// <c>{"reason":"FieldValueInvalid","message":"Invalid value: \"X\": ...","field":"metadata.name"}</c>.
/// </summary>
/// <param name="Reason">The cause reason: FieldValueRequired, FieldValueInvalid, FieldValueNotSupported,
/// FieldValueDuplicate, FieldValueForbidden, FieldValueTooLong.</param>
/// <param name="Field">The JSON path of the field, dotted with indices: <c>spec.containers[0].name</c>.</param>
/// <param name="Detail">The explanation, such as "must be no more than 63 characters".</param>
/// <param name="BadValue">The rejected value as it should be printed, or null when not relevant.</param>
public sealed record FieldError(string Reason, string Field, string Detail, string? BadValue = null)
{
    public static FieldError Required(string field, string detail = "") => new("FieldValueRequired", field, detail);

    public static FieldError Invalid(string field, string? value, string detail) => new("FieldValueInvalid", field, detail, value ?? "null");

    /// <summary>An invalid field whose value is not printed (Go's <c>field.OmitValueType</c>): <c>Invalid value: detail</c>.</summary>
    public static FieldError InvalidWithoutValue(string field, string detail) => new("FieldValueInvalid", field, detail);

    public static FieldError NotSupported(string field, string? value, IEnumerable<string> supported) =>
        new("FieldValueNotSupported", field, "supported values: " + string.Join(", ", supported.Select(s => $"\"{s}\"")), value ?? "null");

    public static FieldError Duplicate(string field, string? value) => new("FieldValueDuplicate", field, "", value ?? "null");

    public static FieldError Forbidden(string field, string detail) => new("FieldValueForbidden", field, detail);

    public static FieldError TooLong(string field, int max) => new("FieldValueTooLong", field, $"must have at most {max} bytes");

    /// <summary>A list or map with more entries than allowed: <c>Too many: 3: must have at most 2 items</c>.</summary>
    public static FieldError TooMany(string field, long actual, long max) =>
        new("FieldValueTooMany", field, $"must have at most {max} items", actual.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A value of the wrong JSON type (custom resource schemas).</summary>
    public static FieldError TypeInvalid(string field, string? value, string detail) => new("FieldValueTypeInvalid", field, detail, value ?? "null");

    /// <summary>The message as the real server formats it: <c>Invalid value: "x": detail</c>.</summary>
    public string Message => Reason switch
    {
        "FieldValueRequired" => Detail.Length == 0 ? "Required value" : $"Required value: {Detail}",
        "FieldValueInvalid" when BadValue is null => $"Invalid value: {Detail}",
        "FieldValueInvalid" or "FieldValueTypeInvalid" => Detail.Length == 0 ? $"Invalid value: {BadValue}" : $"Invalid value: {BadValue}: {Detail}",
        "FieldValueNotSupported" => $"Unsupported value: {BadValue}: {Detail}",
        "FieldValueDuplicate" => $"Duplicate value: {BadValue}",
        "FieldValueForbidden" => Detail.Length == 0 ? "Forbidden" : $"Forbidden: {Detail}",
        "FieldValueTooLong" => $"Too long: {Detail}",
        "FieldValueTooMany" => $"Too many: {BadValue}: {Detail}",
        _ => Detail,
    };

    public override string ToString() => $"{Field}: {Message}";
}
