using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Validation;

namespace SuperKube.Api;

/// <summary>
/// A request failed in a way the client must be told about. Becomes a Kubernetes <c>Status</c> object with the
/// HTTP code, reason, message and details of the real API server (k8s.io/apimachinery/pkg/api/errors).
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public ApiException() : this(500, "InternalError", "internal error") { }

    public ApiException(string message) : this(500, "InternalError", message) { }

    public ApiException(string message, Exception inner) : base(message, inner)
    {
        Code = 500;
        Reason = "InternalError";
    }

    /// <summary>HTTP status code.</summary>
    public int Code { get; }

    /// <summary>Status reason: NotFound, AlreadyExists, Conflict, Invalid, BadRequest, ...; empty for an unknown reason.</summary>
    public string Reason { get; }

    /// <summary>Status details (name, group, kind, causes), or null.</summary>
    public JsonObject? Details { get; }

    /// <summary>Extra response headers, such as Retry-After.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", DetailsOf(type, name));

    public static ApiException NotFound(string group, string resource, string name) =>
        new(404, "NotFound", $"{Qualified(group, resource)} \"{name}\" not found", DetailsOf(group, resource, name));

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", DetailsOf(type, name));

    public static ApiException Conflict(ResourceType type, string name, string why =
        "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", DetailsOf(type, name));

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed(string verb, ResourceType type) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{type.QualifiedResource}\"",
            new JsonObject { ["group"] = type.Group, ["kind"] = type.Plural });

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got \"{contentType}\")");

    public static ApiException TooLarge(long limit) =>
        new(413, "RequestEntityTooLarge", $"the request body is larger than the limit of {limit} bytes");

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Forbidden(ResourceType type, string name, string why) =>
        new(403, "Forbidden", $"{type.QualifiedResource} \"{name}\" is forbidden: {why}", DetailsOf(type, name));

    public static ApiException NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiException Timeout(string message, string? causeReason = null, string? causeMessage = null)
    {
        JsonObject? details = null;
        if (causeReason is not null)
        {
            details = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = causeReason, ["message"] = causeMessage ?? "" }),
                ["retryAfterSeconds"] = 1,
            };
        }

        return new ApiException(504, "Timeout", message, details);
    }

    /// <summary>422 Invalid with one cause per field error; <c>details.kind</c> holds the Kind, as upstream.</summary>
    public static ApiException Invalid(string group, string kind, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JsonArray();
        foreach (var error in errors)
        {
            causes.Add(new JsonObject { ["reason"] = error.Reason, ["message"] = error.Message, ["field"] = error.Field });
        }

        var qualifiedKind = group.Length == 0 ? kind : $"{kind}.{group}";
        var summary = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors.Select(e => e.ToString())) + "]";
        return new ApiException(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {summary}",
            new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind, ["causes"] = causes });
    }

    /// <summary>The Status object for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason.Length > 0)
        {
            // An empty reason is StatusReasonUnknown, which Kubernetes leaves out (kubectl then prints "Error from server: ...").
            status["reason"] = Reason;
        }

        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    private static string Qualified(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static JsonObject DetailsOf(ResourceType type, string name) => DetailsOf(type.Group, type.Plural, name);

    private static JsonObject DetailsOf(string group, string resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = resource;
        return details;
    }
}
