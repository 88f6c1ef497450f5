namespace SuperKube.IntegrationTests.Deploy;

/// <summary>A temporary install prefix for deploy/install.sh, and what it holds.</summary>
public sealed class InstallTree : IDisposable
{
    public InstallTree()
    {
        Prefix = Directory.CreateTempSubdirectory("superkube-install-").FullName;
        Binary = Path.Combine(Directory.CreateTempSubdirectory("superkube-stub-").FullName, "superkube");
        File.WriteAllText(Binary, "#!/bin/sh\necho stub superkube \"$@\"\n");
        File.SetUnixFileMode(Binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public string Prefix { get; }

    /// <summary>A stand-in for the published binary: installing does not need the real one.</summary>
    public string Binary { get; }

    public string PathOf(string absolute) => Path.Combine(Prefix, absolute.TrimStart('/'));

    public Task<Infrastructure.KubectlResult> InstallAsync(string role) => RunAsync("install.sh", role, "--prefix", Prefix, "--binary", Binary);

    public Task<Infrastructure.KubectlResult> UninstallAsync(params string[] args) => RunAsync("uninstall.sh", ["--prefix", Prefix, .. args]);

    /// <summary>Every entry under the prefix with its type, mode, owner and (files) content hash, one line each, sorted.</summary>
    public async Task<string> SnapshotAsync()
    {
        const string List = "cd \"$1\" && { find . ! -name .pwd.lock -printf '%p %y %m %U:%G\\n'; find . -type f ! -name .pwd.lock -exec sha256sum {} +; } | LC_ALL=C sort";
        return (await Command.RunAsync("bash", ["-c", List, "snapshot", Prefix], TimeSpan.FromSeconds(60))).EnsureSuccess().StdOut;
    }

    public void Dispose()
    {
        Directory.Delete(Prefix, recursive: true);
        Directory.Delete(Path.GetDirectoryName(Binary)!, recursive: true);
    }

    private static async Task<Infrastructure.KubectlResult> RunAsync(string script, params string[] args)
    {
        var path = Path.Combine(Infrastructure.RepositoryPaths.Root, "deploy", script);
        return (await Command.RunAsync("bash", [path, .. args], TimeSpan.FromSeconds(60))).EnsureSuccess();
    }
}
