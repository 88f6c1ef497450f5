namespace SuperKube.Host;

/// <summary>Writes the kubeconfig kubectl uses to reach this server.</summary>
internal static class Kubeconfig
{
    public static async Task<string> WriteAsync(string dataDir, Uri server, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDir, "kubeconfig.yaml");
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
        await File.WriteAllTextAsync(path, text, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
