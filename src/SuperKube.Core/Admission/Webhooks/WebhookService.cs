namespace SuperKube.Admission.Webhooks;

/// <summary>A webhook's <c>clientConfig.service</c>: the Service in the cluster that serves it.</summary>
internal sealed record WebhookService(string Namespace, string Name, string Path, int Port)
{
    /// <summary>The host name upstream calls and verifies the serving certificate against: <c>name.namespace.svc</c>.</summary>
    public string Host => $"{Name}.{Namespace}.svc";
}
