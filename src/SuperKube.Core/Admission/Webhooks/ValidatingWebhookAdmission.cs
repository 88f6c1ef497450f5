namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Upstream's ValidatingAdmissionWebhook: calls the matching webhooks of every ValidatingWebhookConfiguration in
/// parallel; any denial or closed failure rejects the request (the first in configuration order is reported).
/// </summary>
internal sealed class ValidatingWebhookAdmission(WebhookConfigurations configurations, WebhookDispatcher dispatcher) : IValidatingAdmissionPlugin
{
    public string Name => "ValidatingAdmissionWebhook";

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (!WebhookConfigurations.MayIntercept(request.Resource) || !configurations.AnyValidating)
        {
            return;
        }

        var calls = configurations.Validating.Select(w => dispatcher.CallAsync(w, request, mutating: false, cancellationToken)).ToList();
        // Failures are reported below, in configuration order.
        await ((Task)Task.WhenAll(calls)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var call in calls)
        {
            var response = await call.ConfigureAwait(false);
            foreach (var warning in response?.Warnings ?? [])
            {
                request.Warnings.Add(warning);
            }
        }
    }
}
