using System.IO.Pipelines;
using System.Text;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// The server side of a port-forward into a fake pod: an HTTP request gets <c>200 ok</c>, anything else is echoed
/// back, so httpGet probes, tcpSocket probes and <c>kubectl port-forward</c> all have something to talk to.
/// </summary>
internal static class FakeConnection
{
    private static readonly string[] Methods = ["GET ", "HEAD ", "POST ", "PUT ", "DELETE ", "OPTIONS ", "PATCH "];

    /// <summary>Opens a connection and returns the client's end.</summary>
    public static Stream Open(string podName)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        _ = ServeAsync(toServer.Reader, toClient.Writer, podName);
        return new DuplexStream(toClient.Reader.AsStream(), toServer.Writer.AsStream());
    }

    private static async Task ServeAsync(PipeReader input, PipeWriter output, string podName)
    {
        try
        {
            var first = await input.ReadAsync().ConfigureAwait(false);
            var text = Encoding.ASCII.GetString(first.Buffer.Slice(0, Math.Min(first.Buffer.Length, 8)));
            if (Methods.Any(m => text.StartsWith(m, StringComparison.Ordinal)))
            {
                await RespondAsync(input, first, output, podName).ConfigureAwait(false);
                return;
            }

            var buffer = first;
            while (true)
            {
                foreach (var segment in buffer.Buffer)
                {
                    await output.WriteAsync(segment).ConfigureAwait(false);
                }

                input.AdvanceTo(buffer.Buffer.End);
                if (buffer.IsCompleted)
                {
                    return;
                }

                buffer = await input.ReadAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // The client closed its end.
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task RespondAsync(PipeReader input, ReadResult result, PipeWriter output, string podName)
    {
        // Read until the end of the request headers (or of the input).
        while (true)
        {
            var seen = Encoding.ASCII.GetString(result.Buffer);
            if (seen.Contains("\r\n\r\n", StringComparison.Ordinal) || result.IsCompleted)
            {
                input.AdvanceTo(result.Buffer.End);
                break;
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await input.ReadAsync().ConfigureAwait(false);
        }

        var body = $"ok from {podName}\n";
        var response = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await output.WriteAsync(Encoding.UTF8.GetBytes(response)).ConfigureAwait(false);
    }
}
