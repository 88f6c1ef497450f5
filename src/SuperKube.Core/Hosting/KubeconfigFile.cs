namespace SuperKube.Hosting;

/// <summary>Writes the kubeconfig kubectl and client libraries use to reach a SuperKube server.</summary>
public static class KubeconfigFile
{
    /// <summary>Writes <c>kubeconfig.yaml</c> into <paramref name="directory"/> (mode 0600) and returns its path.</summary>
    public static Task<string> WriteAsync(string directory, Uri server, CancellationToken cancellationToken = default) =>
        WriteAsync(directory, server, null, cancellationToken);

    /// <summary>
    /// Writes <c>kubeconfig.yaml</c> (mode 0600) and returns its path; with <paramref name="credentials"/> the CA is
    /// embedded and the admin authenticates with both a client certificate and a bearer token.
    /// </summary>
    public static async Task<string> WriteAsync(string directory, Uri server, KubeconfigCredentials? credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var ca = credentials is null ? "" : $"\n    certificate-authority-data: {Base64(credentials.CertificateAuthorityPem)}";
        var user = credentials is null
            ? "{}"
            : $"\n    client-certificate-data: {Base64(credentials.ClientCertificatePem)}\n    client-key-data: {Base64(credentials.ClientKeyPem)}\n    token: {credentials.Token}";
        var path = Path.Combine(directory, "kubeconfig.yaml");
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: superkube
              cluster:
                server: {server.ToString().TrimEnd('/')}{ca}
            contexts:
            - name: superkube
              context:
                cluster: superkube
                user: admin
                namespace: default
            current-context: superkube
            users:
            - name: admin
              user: {user}

            """;
        await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private static string Base64(string pem) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem));
}
