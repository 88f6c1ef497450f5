namespace SuperKube.Hosting;

/// <summary>What a kubeconfig embeds to reach a secured server: the CA to trust and the user's certificate, key and token.</summary>
public sealed record KubeconfigCredentials(string CertificateAuthorityPem, string ClientCertificatePem, string ClientKeyPem, string Token);
