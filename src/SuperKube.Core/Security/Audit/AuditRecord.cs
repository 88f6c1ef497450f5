using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;

namespace SuperKube.Security.Audit;

/// <summary>
/// The audit state of one request, kept as an HttpContext feature while <see cref="Auditor"/> watches it: the pipeline
/// tells it who the user is, what the request does, the body it read and the error it answered.
/// </summary>
internal sealed class AuditRecord(Auditor auditor, HttpContext context, string id, DateTimeOffset received) : IDisposable
{
    private static readonly HashSet<string> LongRunningSubresources = ["attach", "exec", "proxy", "log", "portforward"];
    private CapturingStream? _capture;

    public string Id { get; } = id;

    public DateTimeOffset Received { get; } = received;

    public UserInfo? User { get; set; }

    /// <summary>What the request does, once the pipeline knows (null for requests refused earlier).</summary>
    public AuthorizationAttributes? Request { get; private set; }

    public string ApiVersion { get; private set; } = "";

    public AuditLevel Level { get; private set; } = AuditLevel.None;

    public IReadOnlyList<string> OmitStages { get; private set; } = [];

    /// <summary>The request body, kept only at level Request and above.</summary>
    public (byte[] Body, string ContentType)? RequestBody { get; private set; }

    /// <summary>The error the request was answered with.</summary>
    public ApiException? Failure { get; set; }

    /// <summary>The response body, kept only at level RequestResponse (and not for watches and streams).</summary>
    public byte[]? ResponseBody => _capture?.Captured;

    public static AuditRecord? Of(HttpContext context) => context.Features.Get<AuditRecord>();

    /// <summary>
    /// The request is about to be authorized: choose its level, log the RequestReceived stage and, at RequestResponse,
    /// start copying the response.
    /// </summary>
    public void Describe(AuthorizationAttributes attributes, string apiVersion = "")
    {
        if (Request is not null)
        {
            return;
        }

        (Request, ApiVersion) = (attributes, apiVersion);
        (Level, OmitStages) = auditor.Policy.Evaluate(attributes, User);
        auditor.Write(this, context, "RequestReceived");
        if (Level == AuditLevel.RequestResponse && attributes.Verb != "watch" && !LongRunningSubresources.Contains(attributes.Subresource))
        {
            _capture = new CapturingStream(context.Response.Body, Api.RequestBody.MaxBytes);
            context.Response.Body = _capture;
        }
    }

    /// <summary>
    /// The request body was read: kept at level Request and above; a create names its object only in the body, so
    /// the object reference takes the name from there (as upstream), whatever the level.
    /// </summary>
    public void KeepRequestBody(byte[] body, string contentType)
    {
        if (Level == AuditLevel.None)
        {
            return;
        }

        if (Level >= AuditLevel.Request)
        {
            RequestBody = (body, contentType);
        }

        if (Request is { IsResourceRequest: true, Name.Length: 0, Verb: "create" } && Auditor.Decode(body, contentType)?["metadata"]?["name"] is JsonValue name
            && name.TryGetValue<string>(out var text))
        {
            Request = Request with { Name = text };
        }
    }

    /// <summary>The request is done: log the ResponseComplete stage (for requests refused before <see cref="Describe"/>, judged by path).</summary>
    public void Complete()
    {
        if (_capture is not null)
        {
            context.Response.Body = _capture.Inner;
        }

        if (Request is null)
        {
            var path = context.Request.Path.Value ?? "/";
            Request = new AuthorizationAttributes(User ?? Anonymous, context.Request.Method.ToLowerInvariant(), "", "", "", "", "", false, path);
            (Level, OmitStages) = auditor.Policy.Evaluate(Request, User);
        }

        auditor.Write(this, context, "ResponseComplete");
    }

    public void Dispose() => _capture?.Dispose();

    private static UserInfo Anonymous { get; } = new("", []);
}
