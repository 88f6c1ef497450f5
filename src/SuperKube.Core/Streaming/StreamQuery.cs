using System.Globalization;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;

namespace SuperKube.Streaming;

/// <summary>Reads the query parameters of the streaming subresources (400 Status for bad values).</summary>
internal static class StreamQuery
{
    public static bool Flag(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && (values[^1] is "" or "1" || string.Equals(values[^1], "true", StringComparison.OrdinalIgnoreCase));

    public static long? Number(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values[^1]))
        {
            return null;
        }

        return long.TryParse(values[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value for {name}: {values[^1]}");
    }

    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>The <c>pods/log</c> options; <paramref name="now"/> anchors sinceSeconds.</summary>
    public static PodLogOptions Log(IQueryCollection query, DateTimeOffset now)
    {
        var tail = Number(query, "tailLines");
        var limit = Number(query, "limitBytes");
        var sinceSeconds = Number(query, "sinceSeconds");
        if (tail < 0 || limit <= 0 || sinceSeconds <= 0)
        {
            throw ApiException.BadRequest("tailLines must not be negative; limitBytes and sinceSeconds must be positive");
        }

        DateTimeOffset? since = sinceSeconds is { } seconds ? now.AddSeconds(-seconds) : null;
        if (Text(query, "sinceTime") is { Length: > 0 } sinceTime)
        {
            since = DateTimeOffset.TryParse(sinceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw ApiException.BadRequest($"invalid value for sinceTime: {sinceTime}");
        }

        return new PodLogOptions
        {
            Follow = Flag(query, "follow"),
            TailLines = tail is { } t ? (int)Math.Min(t, int.MaxValue) : null,
            Since = since,
            Timestamps = Flag(query, "timestamps"),
            Previous = Flag(query, "previous"),
            LimitBytes = limit,
        };
    }

    /// <summary>The <c>pods/exec</c> and <c>pods/attach</c> options (repeated <c>command</c> entries in order).</summary>
    public static PodProcessOptions Process(IQueryCollection query, bool exec)
    {
        var command = exec && query.TryGetValue("command", out var values) ? values.OfType<string>().ToList() : [];
        if (exec && command.Count == 0)
        {
            throw ApiException.BadRequest("you must specify at least 1 command");
        }

        var tty = Flag(query, "tty");
        var options = new PodProcessOptions
        {
            Command = command,
            Stdin = Flag(query, "stdin"),
            Stdout = Flag(query, "stdout"),
            Stderr = Flag(query, "stderr") && !tty,
            Tty = tty,
        };
        return options.Stdin || options.Stdout || options.Stderr || options.Tty
            ? options
            : throw ApiException.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
    }
}
