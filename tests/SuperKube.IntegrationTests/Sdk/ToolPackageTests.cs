using System.Diagnostics;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Sdk;

/// <summary>
/// The <c>superkube</c> dotnet tool as a user gets it: packed to a nupkg, installed from that folder into a tool
/// path, then run: <c>--help</c> lists the commands and <c>superkube server</c> answers kubectl.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PackedTool_InstalledFromTheNupkg_RunsTheServer()
    {
        var root = Directory.CreateTempSubdirectory("superkube-tool-").FullName;
        try
        {
            var artifacts = Path.Combine(root, "artifacts");
            var tools = Path.Combine(root, "tools");
            var project = Path.Combine(RepositoryPaths.Root, "src", "SuperKube.Host");
            await RunAsync("dotnet", ["pack", project, "-o", artifacts, "--nologo", "-nodeReuse:false"], RepositoryPaths.Root);
            Assert.Contains(Directory.GetFiles(artifacts, "*.nupkg"), f => Path.GetFileName(f).StartsWith("superkube.", StringComparison.Ordinal));

            await RunAsync("dotnet", ["tool", "install", "superkube", "--tool-path", tools, "--add-source", artifacts, "--prerelease"], root);
            var superkube = Path.Combine(tools, "superkube");
            var help = await RunAsync(superkube, ["--help"], root);
            Assert.Contains("server", help);
            Assert.Contains("node", help);

            var data = Path.Combine(root, "data");
            var port = RepositoryPaths.FreePort();
            using var server = Start(superkube, ["server", "--data-dir", data, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--runtime", "fake"], root);
            try
            {
                var kubeconfig = await WaitForKubeconfigAsync(server);
                var kubectl = new Infrastructure.Kubectl(kubeconfig, Path.Combine(root, "kubectl-cache"));
                (await kubectl.RunAsync("wait", "--for=condition=Ready", "node", "--all", "--timeout=60s")).EnsureSuccess();
                var nodes = (await kubectl.RunAsync("get", "nodes", "--no-headers")).EnsureSuccess().StdOut;
                Assert.Contains("Ready", nodes);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Process Start(string file, string[] args, string directory)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(inherited); // the test host's build settings must not leak into a user's shell
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<string> RunAsync(string file, string[] args, string directory)
    {
        using var process = Start(file, args, directory);
        using var deadline = new CancellationTokenSource(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return await stdout;
    }

    /// <summary>Reads the server's progress lines until it says where the kubeconfig is and that it is ready.</summary>
    private static async Task<string> WaitForKubeconfigAsync(Process server)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? kubeconfig = null;
        var seen = new List<string>();
        while (await server.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            seen.Add(line);
            if (line.StartsWith("Kubeconfig written to ", StringComparison.Ordinal))
            {
                kubeconfig = line["Kubeconfig written to ".Length..].Trim();
            }
            else if (line.StartsWith("Ready in ", StringComparison.Ordinal) && kubeconfig is not null)
            {
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining
                return kubeconfig;
            }
        }

        throw new InvalidOperationException("the server stopped before it was ready:\n" + string.Join('\n', seen) + "\n" + await server.StandardError.ReadToEndAsync());
    }
}
