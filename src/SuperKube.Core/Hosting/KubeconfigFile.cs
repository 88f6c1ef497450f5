namespace SuperKube.Hosting;

/// <summary>Writes the kubeconfig kubectl and client libraries use to reach a SuperKube server.</summary>
public static class KubeconfigFile
{
    /// <summary>Writes <c>kubeconfig.yaml</c> into <paramref name="directory"/> (mode 0600) and returns its path.</summary>
    public static async Task<string> WriteAsync(string directory, Uri server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var path = Path.Combine(directory, "kubeconfig.yaml");
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: superkube
              cluster:
                server: {server.ToString().TrimEnd('/')}
            contexts:
            - name: superkube
              context:
                cluster: superkube
                user: admin
                namespace: default
            current-context: superkube
            users:
            - name: admin
              user: {"{}"}

            """;
        await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
