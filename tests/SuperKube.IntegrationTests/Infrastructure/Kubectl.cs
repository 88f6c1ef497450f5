using System.Diagnostics;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Runs the real kubectl binary against a test cluster, with its own discovery cache directory.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDir)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public async Task<KubectlResult> RunAsync(params string[] args) => await RunAsync(args, stdin: null, DefaultTimeout);

    public async Task<KubectlResult> RunAsync(string[] args, string? stdin, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        using var process = Start(args, env);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within {timeout}: {await stdout} {await stderr}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts kubectl and leaves it running (for <c>get -w</c>); the caller reads its output and kills it.</summary>
    public Process Start(string[] args, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(cacheDir);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = cacheDir;
        if (env is not null)
        {
            foreach (var (key, value) in env)
            {
                info.Environment[key] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start kubectl");
    }
}
