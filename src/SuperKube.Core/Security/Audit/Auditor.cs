using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;

namespace SuperKube.Security.Audit;

/// <summary>
/// Writes an audit.k8s.io/v1 <c>Event</c> per request and stage, at the level the policy chooses: Metadata (user,
/// verb, object, response code, timestamps), Request (plus the request body) or RequestResponse (plus the response).
/// Headers, and so credentials, are never logged.
/// </summary>
internal sealed class Auditor(AuditPolicy policy, AuditLogWriter writer, TimeProvider time)
{
    public AuditPolicy Policy { get; } = policy;

    /// <summary>Wraps an endpoint so each of its requests is audited; the response carries the event id in <c>Audit-Id</c>.</summary>
    public RequestDelegate Wrap(RequestDelegate next) => async context =>
    {
        using var record = new AuditRecord(this, context, Guid.NewGuid().ToString(), time.GetUtcNow());
        context.Features.Set(record);
        context.Response.Headers["Audit-Id"] = record.Id;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            record.Complete();
        }
    };

    public void Write(AuditRecord record, HttpContext context, string stage)
    {
        if (record.Level == AuditLevel.None || record.OmitStages.Contains(stage))
        {
            return;
        }

        writer.Append(Event(record, context, stage, time.GetUtcNow()));
    }

    private static JsonObject Event(AuditRecord record, HttpContext context, string stage, DateTimeOffset now)
    {
        var request = record.Request;
        var e = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "audit.k8s.io/v1",
            ["level"] = record.Level.ToString(),
            ["auditID"] = record.Id,
            ["stage"] = stage,
            ["requestURI"] = context.Request.Path.Value + context.Request.QueryString.Value,
            ["verb"] = request?.Verb ?? context.Request.Method.ToLowerInvariant(),
            ["user"] = User(record.User),
            ["sourceIPs"] = new JsonArray(context.Connection.RemoteIpAddress?.ToString() ?? ""),
            ["userAgent"] = context.Request.Headers.UserAgent.ToString(),
        };
        if (request is { IsResourceRequest: true })
        {
            e["objectRef"] = ObjectRef(request, record.ApiVersion);
        }

        if (stage == "ResponseComplete")
        {
            e["responseStatus"] = ResponseStatus(context.Response.StatusCode, record.Failure);
        }

        if (record.Level >= AuditLevel.Request && record.RequestBody is { } body && Decode(body.Body, body.ContentType) is { } requestObject)
        {
            e["requestObject"] = requestObject;
        }

        if (stage == "ResponseComplete" && record.Level == AuditLevel.RequestResponse && record.ResponseBody is { Length: > 0 } response
            && Decode(response, MediaTypes.Json) is { } responseObject)
        {
            e["responseObject"] = responseObject;
        }

        e["requestReceivedTimestamp"] = Timestamp(record.Received);
        e["stageTimestamp"] = Timestamp(now);
        return e;
    }

    private static JsonObject User(UserInfo? user)
    {
        var json = new JsonObject();
        if (user is null)
        {
            return json;
        }

        json["username"] = user.Name;
        if (user.Uid.Length > 0)
        {
            json["uid"] = user.Uid;
        }

        json["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode?)g)]);
        return json;
    }

    private static JsonObject ObjectRef(AuthorizationAttributes request, string apiVersion)
    {
        var reference = new JsonObject { ["resource"] = request.Resource };
        Add(reference, "namespace", request.Namespace);
        Add(reference, "name", request.Name);
        Add(reference, "apiGroup", request.Group);
        Add(reference, "apiVersion", apiVersion);
        Add(reference, "subresource", request.Subresource);
        return reference;
    }

    private static JsonObject ResponseStatus(int code, ApiException? failure)
    {
        var status = new JsonObject { ["metadata"] = new JsonObject() };
        if (failure is not null && code == failure.Code)
        {
            status["status"] = "Failure";
            status["message"] = failure.Message;
            status["reason"] = failure.Reason;
        }

        status["code"] = code;
        return status;
    }

    /// <summary>A body as JSON (YAML and protobuf bodies converted), or null when it cannot be decoded.</summary>
    public static JsonNode? Decode(byte[] body, string contentType)
    {
        try
        {
            return contentType == MediaTypes.Protobuf ? RequestBody.ParseObject(body, contentType) : RequestBody.Parse(body, contentType);
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static void Add(JsonObject obj, string name, string value)
    {
        if (value.Length > 0)
        {
            obj[name] = value;
        }
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
