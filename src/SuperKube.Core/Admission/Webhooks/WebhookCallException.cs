namespace SuperKube.Admission.Webhooks;

/// <summary>
/// A webhook could not be called or answered with something that is not a valid AdmissionReview (upstream's
/// ErrCallingWebhook). <c>failurePolicy</c> decides whether the request fails or the webhook is skipped.
/// </summary>
internal sealed class WebhookCallException(string message, Exception? inner = null) : Exception(message, inner);
