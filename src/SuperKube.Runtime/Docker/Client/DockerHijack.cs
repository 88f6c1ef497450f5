using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>
/// Sends one HTTP/1.1 request asking the engine to upgrade the connection (<c>Upgrade: tcp</c>) and returns the raw
/// connection once it answers 101 (or 200, which older engines send): how exec and attach get their duplex stream.
/// </summary>
internal static class DockerHijack
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static async Task<HijackedStream> UpgradeAsync(DockerEndpoint endpoint, string pathAndQuery, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var (socket, stream) = await endpoint.ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = jsonBody ?? [];
            var request = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"POST {pathAndQuery} HTTP/1.1\r\n")
                .Append("Host: docker\r\n")
                .Append("User-Agent: superkube\r\n")
                .Append("Connection: Upgrade\r\n")
                .Append("Upgrade: tcp\r\n")
                .Append("Content-Type: application/json\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")
                .ToString();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

            var head = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
            var lines = head.Split("\r\n");
            var status = lines[0].Split(' ', 3);
            if (status.Length < 2 || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new InvalidDataException($"unexpected answer from the Docker engine: {lines[0]}");
            }

            if (code is 101 or 200)
            {
                return new HijackedStream(socket, stream);
            }

            var length = lines.Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
            var error = new byte[Math.Min(length, MaxHeaderBytes)];
            await stream.ReadAtLeastAsync(error, error.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            throw new DockerApiException((HttpStatusCode)code, ErrorMessage(error, code));
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The engine's <c>message</c> from an error body, or the body itself.</summary>
    public static string ErrorMessage(byte[] body, int status)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, DockerJsonContext.Default.ErrorResponse)?.Message is { Length: > 0 } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON: use the text.
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length > 0 ? text : $"the Docker engine answered {status.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Reads up to the blank line byte by byte, so no byte of the hijacked stream is consumed.</summary>
    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(256);
        var one = new byte[1];
        while (head.Count < MaxHeaderBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("the Docker engine closed the connection before answering");
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return Encoding.ASCII.GetString([.. head]);
            }
        }

        throw new InvalidDataException("the Docker engine's answer headers are too long");
    }
}
