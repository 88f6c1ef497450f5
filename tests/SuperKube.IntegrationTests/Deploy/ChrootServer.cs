using System.Diagnostics;
using System.Globalization;
using System.Text;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deploy;

/// <summary>
/// The published binary copied into a Debian root filesystem and run there as <c>superkube server</c> with chroot,
/// in a private mount namespace that has its own /proc (the .NET runtime needs it); loopback is shared with the host.
/// Everything lives in one directory under the root filesystem's /tmp, removed on dispose.
/// </summary>
public sealed class ChrootServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChrootServer(Process process, string hostDir, Infrastructure.Kubectl kubectl)
    {
        _process = process;
        HostDir = hostDir;
        Kubectl = kubectl;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The directory inside the root filesystem, seen from the host.</summary>
    public string HostDir { get; }

    public Infrastructure.Kubectl Kubectl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ChrootServer> StartAsync(string rootfs, string binary)
    {
        var name = "superkube-test-" + Guid.NewGuid().ToString("N")[..8];
        var hostDir = Path.Combine(rootfs, "tmp", name);
        Directory.CreateDirectory(hostDir);
        File.Copy(binary, Path.Combine(hostDir, "superkube"));
        var port = RepositoryPaths.FreePort().ToString(CultureInfo.InvariantCulture);
        // The bundle's native library is extracted into the test's directory, and no diagnostics socket is left in /tmp.
        var script = $"mount -t proc proc \"$1/proc\" && shift && DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/{name}/bundle DOTNET_EnableDiagnostics=0 exec chroot \"$@\"";
        var process = Command.Start("unshare", ["--mount", "--fork", "--kill-child", "sh", "-c", script, "sh", rootfs, rootfs,
            $"/tmp/{name}/superkube", "server", "--data-dir", $"/tmp/{name}/data", "--host", "127.0.0.1", "--port", port]);
        process.StandardInput.Close();
        var cache = Path.Combine(hostDir, "kubectl-cache");
        Directory.CreateDirectory(cache);
        var server = new ChrootServer(process, hostDir, new Infrastructure.Kubectl(Path.Combine(hostDir, "data", "kubeconfig.yaml"), cache));
        try
        {
            await Poll.UntilAsync(
                () => Task.FromResult(server.Output.Contains("Ready in ", StringComparison.Ordinal) ? server : null),
                TimeSpan.FromSeconds(90),
                () => "superkube server in the chroot did not become ready:\n" + server.Output);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cts.Token);
        }

        _process.Dispose();
        Directory.Delete(HostDir, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
