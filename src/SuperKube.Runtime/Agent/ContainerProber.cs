using System.Globalization;
using System.Text;
using SuperKube.Model;
using SuperKube.Model.Core;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Runs probes through the runtime: exec in the container, httpGet and tcpSocket over a port-forward connection into
/// the pod's network (so every backend, including Fake, answers them the same way), each within the probe's timeout.
/// </summary>
internal sealed class ContainerProber(IContainerRuntime runtime, TimeProvider time)
{
    public async Task<ProbeResult> ProbeAsync(Probe probe, Container container, string containerId, string sandboxId, string podIp, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(probe.TimeoutSeconds ?? 1, 1)), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (probe.Exec is { } exec)
            {
                return await ExecAsync(exec.Command ?? [], containerId, linked.Token).ConfigureAwait(false);
            }

            if (probe.HttpGet is { } http)
            {
                return await HttpAsync(http, Port(http.Port, container), sandboxId, podIp, linked.Token).ConfigureAwait(false);
            }

            var port = probe.TcpSocket is { } tcp ? Port(tcp.Port, container) : probe.Grpc?.Port ?? 0;
            var connection = await runtime.PortForwardAsync(sandboxId, port, linked.Token).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            return ProbeResult.Passed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, $"probe timed out after {probe.TimeoutSeconds ?? 1}s");
        }
        catch (ContainerRuntimeException ex)
        {
            return new ProbeResult(false, ex.Message);
        }
    }

    private async Task<ProbeResult> ExecAsync(IList<string> command, string containerId, CancellationToken cancellationToken)
    {
        var session = await runtime.ExecAsync(containerId, new ExecOptions { Command = [.. command], Tty = false }, cancellationToken).ConfigureAwait(false);
        await using var _ = session.ConfigureAwait(false);
        var stdout = session.Stdout is null ? Task.FromResult("") : new StreamReader(session.Stdout).ReadToEndAsync(cancellationToken);
        var stderr = session.Stderr is null ? Task.FromResult("") : new StreamReader(session.Stderr).ReadToEndAsync(cancellationToken);
        var code = await session.ExitCode.WaitAsync(cancellationToken).ConfigureAwait(false);
        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return code == 0 ? ProbeResult.Passed : new ProbeResult(false, output.Length > 0 ? output : $"command \"{string.Join(' ', command)}\" exited with {code}");
    }

    private async Task<ProbeResult> HttpAsync(HTTPGetAction http, int port, string sandboxId, string podIp, CancellationToken cancellationToken)
    {
        var path = string.IsNullOrEmpty(http.Path) ? "/" : http.Path;
        var url = $"http://{podIp}:{port.ToString(CultureInfo.InvariantCulture)}{path}";
        Stream connection;
        try
        {
            connection = await runtime.PortForwardAsync(sandboxId, port, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            return new ProbeResult(false, $"Get \"{url}\": {ex.Message}");
        }

        await using (connection.ConfigureAwait(false))
        {
            var request = new StringBuilder($"GET {path} HTTP/1.1\r\nHost: {podIp}:{port}\r\nUser-Agent: kube-probe/1.32\r\nAccept: */*\r\n");
            foreach (var header in http.HttpHeaders ?? [])
            {
                request.Append(CultureInfo.InvariantCulture, $"{header.Name}: {header.Value}\r\n");
            }

            request.Append("Connection: close\r\n\r\n");
            await connection.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellationToken).ConfigureAwait(false);
            await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(connection, Encoding.ASCII, leaveOpen: true);
            var statusLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "";
            var parts = statusLine.Split(' ');
            if (parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code))
            {
                return code is >= 200 and < 400 ? ProbeResult.Passed : new ProbeResult(false, $"HTTP probe failed with statuscode: {code}");
            }

            return new ProbeResult(false, $"Get \"{url}\": malformed HTTP response \"{statusLine}\"");
        }
    }

    /// <summary>A probe port: a number, or the name of one of the container's ports.</summary>
    private static int Port(IntOrString? port, Container container)
    {
        if (port is not { } value)
        {
            return 0;
        }

        if (!value.IsString)
        {
            return value.IntValue;
        }

        return container.Ports?.FirstOrDefault(p => p.Name == value.StringValue)?.ContainerPortNumber
            ?? (int.TryParse(value.StringValue, CultureInfo.InvariantCulture, out var number) ? number : 0);
    }
}
