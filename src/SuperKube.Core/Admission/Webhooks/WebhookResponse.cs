using System.Text.Json.Nodes;

namespace SuperKube.Admission.Webhooks;

/// <summary>A webhook's verified answer: allowed or not, the Status it gave, a JSON patch (mutating only) and warnings.</summary>
internal sealed record WebhookResponse(bool Allowed, JsonObject? Status, byte[]? Patch, IReadOnlyList<string> Warnings);
