using System.Text.RegularExpressions;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Long-running kubectl stream commands for tests: <c>port-forward</c> with its local port, and <c>attach</c>.</summary>
public static partial class KubectlStreams
{
    /// <summary>
    /// Runs <c>kubectl port-forward pod/POD -n NS :PORT</c>, waits for its local port and hands it to
    /// <paramref name="use"/>; a failing HTTP request is reported with kubectl's stderr. kubectl is killed afterwards.
    /// </summary>
    public static async Task<T> PortForwardAsync<T>(Kubectl kubectl, string ns, string pod, int port, TimeSpan bound, Func<string, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(kubectl);
        ArgumentNullException.ThrowIfNull(use);
        using var forward = kubectl.Start(["port-forward", "pod/" + pod, "-n", ns, ":" + port]);
        try
        {
            var errors = new LineReader(forward.StandardError);
            _ = errors.WaitForAsync(_ => false, bound);
            var line = await new LineReader(forward.StandardOutput).WaitForAsync(l => l.StartsWith("Forwarding from 127.0.0.1:", StringComparison.Ordinal), bound);
            try
            {
                return await use(LocalPort().Match(line).Groups[1].Value);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException("port-forward failed: " + string.Join('\n', errors.Seen), ex);
            }
        }
        finally
        {
            forward.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Runs <c>kubectl attach POD -n NS</c> until it prints <paramref name="expected"/>, and returns that line.</summary>
    public static async Task<string> AttachUntilAsync(Kubectl kubectl, string ns, string pod, string expected, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(kubectl);
        using var attach = kubectl.Start(["attach", pod, "-n", ns]);
        try
        {
            return await new LineReader(attach.StandardOutput).WaitForAsync(l => l == expected, bound);
        }
        finally
        {
            attach.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)")]
    private static partial Regex LocalPort();
}
