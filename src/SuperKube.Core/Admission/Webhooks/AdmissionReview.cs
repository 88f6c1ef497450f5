using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Validation;

namespace SuperKube.Admission.Webhooks;

/// <summary>The admission.k8s.io/v1 AdmissionReview a webhook receives, and the checks upstream applies to its answer.</summary>
internal static class AdmissionReview
{
    private const string ApiVersion = "admission.k8s.io/v1";

    /// <summary>
    /// The review sent for <paramref name="request"/>. <paramref name="matched"/> is the resource version the webhook's
    /// rules matched (the request's own, or an equivalent one under <c>matchPolicy: Equivalent</c>).
    /// </summary>
    public static JsonObject Create(AdmissionRequest request, ResourceType matched, string uid)
    {
        var body = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = Kind(matched, request.Subresource),
            ["resource"] = Resource(matched),
            ["requestKind"] = Kind(request.Resource, request.Subresource),
            ["requestResource"] = Resource(request.Resource),
            ["name"] = request.Name,
            ["namespace"] = request.Namespace,
            ["operation"] = Operation(request.Operation),
            ["userInfo"] = UserInfo(request),
            ["object"] = request.Object?.DeepClone(),
            ["oldObject"] = request.OldObject?.DeepClone(),
            ["dryRun"] = request.DryRun,
            ["options"] = Options(request),
        };
        if (request.Subresource.Length > 0)
        {
            body["subResource"] = request.Subresource;
            body["requestSubResource"] = request.Subresource;
        }

        if (request.Namespace.Length == 0)
        {
            body.Remove("namespace");
        }

        return new JsonObject { ["apiVersion"] = ApiVersion, ["kind"] = "AdmissionReview", ["request"] = body };
    }

    /// <summary>The operation as AdmissionReview spells it: CREATE, UPDATE, DELETE, CONNECT.</summary>
    public static string Operation(AdmissionOperation operation) => operation.ToString().ToUpperInvariant();

    /// <summary>
    /// Verifies a response body as upstream does (kind, uid, patch type) and reads it. A validating webhook may not
    /// return a patch. Throws <see cref="WebhookCallException"/> with upstream's text otherwise.
    /// </summary>
    public static WebhookResponse ParseResponse(ReadOnlySpan<byte> json, string uid, bool mutating)
    {
        JsonObject review;
        try
        {
            review = JsonNode.Parse(json) as JsonObject ?? throw new WebhookCallException("received invalid webhook response: the response is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new WebhookCallException($"received invalid webhook response: {ex.Message}", ex);
        }

        var apiVersion = JsonRead.String(review, "apiVersion") ?? "";
        var kind = JsonRead.String(review, "kind") ?? "";
        if (apiVersion != ApiVersion || kind != "AdmissionReview")
        {
            throw Invalid($"expected webhook response of {ApiVersion}, Kind=AdmissionReview, got {apiVersion}, Kind={kind}");
        }

        var response = JsonRead.Object(review, "response") ?? throw Invalid("webhook response was absent");
        var responseUid = JsonRead.String(response, "uid") ?? "";
        if (responseUid != uid)
        {
            throw Invalid($"expected response.uid=\"{uid}\", got \"{responseUid}\"");
        }

        var patch = JsonRead.String(response, "patch") is { Length: > 0 } encoded ? Decode(encoded) : null;
        var patchType = JsonRead.String(response, "patchType");
        if (!mutating && (patch is not null || patchType is not null))
        {
            throw Invalid("validating webhook may not return response.patch or response.patchType");
        }

        switch (patch, patchType)
        {
            case (not null, null):
                throw Invalid("webhook returned response.patch but not response.patchType");
            case (null, not null):
                throw Invalid("webhook returned response.patchType but not response.patch");
            case (not null, not "JSONPatch"):
                throw Invalid($"webhook returned invalid response.patchType of \"{patchType}\"");
        }

        var warnings = JsonRead.Array(response, "warnings")?.Select(w => JsonRead.Scalar(w) ?? "").Where(w => w.Length > 0).ToList() ?? [];
        return new WebhookResponse(JsonRead.Boolean(response, "allowed") ?? false, JsonRead.Object(response, "status"), patch, warnings);
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new WebhookCallException("received invalid webhook response: response.patch is not base64", ex);
        }
    }

    private static WebhookCallException Invalid(string why) => new($"received invalid webhook response: {why}");

    private static JsonObject Kind(ResourceType type, string subresource)
    {
        var gvk = type.Subresources.FirstOrDefault(s => s.Name == subresource)?.ResponseKind;
        return new JsonObject
        {
            ["group"] = gvk?.Group ?? type.Group,
            ["version"] = gvk?.Version ?? type.Version,
            ["kind"] = gvk?.Kind ?? type.Kind,
        };
    }

    private static JsonObject Resource(ResourceType type) =>
        new() { ["group"] = type.Group, ["version"] = type.Version, ["resource"] = type.Plural };

    private static JsonObject UserInfo(AdmissionRequest request)
    {
        var user = new JsonObject { ["username"] = request.User.Name, ["groups"] = new JsonArray([.. request.User.Groups.Select(g => JsonValue.Create(g))]) };
        if (request.User.Uid.Length > 0)
        {
            user["uid"] = request.User.Uid;
        }

        return user;
    }

    private static JsonObject Options(AdmissionRequest request)
    {
        var kind = request.Operation switch
        {
            AdmissionOperation.Create => "CreateOptions",
            AdmissionOperation.Update => "UpdateOptions",
            AdmissionOperation.Delete => "DeleteOptions",
            _ => "ConnectOptions",
        };
        var options = new JsonObject { ["kind"] = kind, ["apiVersion"] = "meta.k8s.io/v1" };
        if (request.DryRun)
        {
            options["dryRun"] = new JsonArray("All");
        }

        return options;
    }
}
