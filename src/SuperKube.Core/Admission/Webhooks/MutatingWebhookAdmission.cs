using System.Text.Json.Nodes;
using SuperKube.Patching;
using SuperKube.Registry;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Upstream's MutatingAdmissionWebhook: calls the matching webhooks of every MutatingWebhookConfiguration in turn,
/// each seeing the object as patched by the ones before; each JSONPatch answer is applied to the object, which the
/// write path validates again afterwards.
/// </summary>
internal sealed class MutatingWebhookAdmission(WebhookConfigurations configurations, WebhookDispatcher dispatcher) : IMutatingAdmissionPlugin
{
    public string Name => "MutatingAdmissionWebhook";

    public bool AppliesTo(ResourceType resource) => WebhookConfigurations.MayIntercept(resource) && configurations.AnyMutating;

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (!AppliesTo(request.Resource))
        {
            return;
        }

        foreach (var webhook in configurations.Mutating)
        {
            if (await dispatcher.CallAsync(webhook, request, mutating: true, cancellationToken).ConfigureAwait(false) is not { } response)
            {
                continue;
            }

            foreach (var warning in response.Warnings)
            {
                request.Warnings.Add(warning);
            }

            if (response.Patch is { } patch && request.Object is { } obj)
            {
                Replace(obj, Patch(webhook, obj, patch));
            }
        }
    }

    private static JsonObject Patch(AdmissionWebhook webhook, JsonObject obj, byte[] patch)
    {
        try
        {
            return JsonPatch.Apply(obj, patch);
        }
        catch (PatchException ex)
        {
            throw WebhookDispatcher.InternalError($"the patch of webhook \"{webhook.Name}\" cannot be applied: {ex.Message}");
        }
    }

    /// <summary>Makes <paramref name="target"/> (the object the write path holds) equal to <paramref name="patched"/>.</summary>
    private static void Replace(JsonObject target, JsonObject patched)
    {
        var properties = patched.ToList();
        patched.Clear();
        target.Clear();
        foreach (var (key, value) in properties)
        {
            target[key] = value;
        }
    }
}
