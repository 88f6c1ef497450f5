using System.Globalization;
using System.Text;

namespace SuperKube.Streaming.Remote;

/// <summary>
/// The URLs of a node's streaming server, as the kubelet's: <c>containerLogs</c>, <c>exec</c> and <c>attach</c> under
/// <c>/NS/POD/UID/CONTAINER</c>, <c>portForward</c> under <c>/NS/POD/UID</c>; options in the query, as the API's. Plus <c>/healthz</c>.
/// </summary>
internal static class NodeStreamPaths
{
    public const string Logs = "containerLogs";
    public const string Exec = "exec";
    public const string Attach = "attach";
    public const string PortForward = "portForward";

    /// <summary>Answers 200 while the node's streaming server runs (the API server probes it before an upgrade).</summary>
    public const string Health = "healthz";

    public static string ForLogs(PodAddress pod, string container, PodLogOptions options)
    {
        var query = new StringBuilder();
        Add(query, "follow", options.Follow);
        Add(query, "timestamps", options.Timestamps);
        Add(query, "previous", options.Previous);
        Add(query, "tailLines", options.TailLines?.ToString(CultureInfo.InvariantCulture));
        Add(query, "limitBytes", options.LimitBytes?.ToString(CultureInfo.InvariantCulture));
        Add(query, "sinceTime", options.Since?.ToString("O", CultureInfo.InvariantCulture));
        return Path(Logs, pod, container) + query;
    }

    public static string ForProcess(bool exec, PodAddress pod, string container, PodProcessOptions options)
    {
        var query = new StringBuilder();
        foreach (var word in options.Command)
        {
            Add(query, "command", word);
        }

        Add(query, "stdin", options.Stdin);
        Add(query, "stdout", options.Stdout);
        Add(query, "stderr", options.Stderr);
        Add(query, "tty", options.Tty);
        return Path(exec ? Exec : Attach, pod, container) + query;
    }

    public static string ForPortForward(PodAddress pod, int port) =>
        $"{PortForward}/{Escape(pod.Namespace)}/{Escape(pod.Name)}/{Escape(pod.Uid)}?port={port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Splits a request path into its kind, pod and container ("" for portForward); false for any other path.</summary>
    public static bool TryParse(string path, out string kind, out PodAddress pod, out string container)
    {
        var parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        kind = parts.Length > 0 ? parts[0] : "";
        pod = parts.Length >= 4 ? new PodAddress(parts[1], parts[2], parts[3]) : new PodAddress("", "", "");
        container = parts.Length == 5 ? parts[4] : "";
        var shape = kind == PortForward ? parts.Length == 4 : kind is Logs or Exec or Attach && parts.Length == 5;
        return shape && parts.Skip(1).All(p => p.Length > 0);
    }

    private static string Path(string kind, PodAddress pod, string container) =>
        $"{kind}/{Escape(pod.Namespace)}/{Escape(pod.Name)}/{Escape(pod.Uid)}/{Escape(container)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static void Add(StringBuilder query, string name, bool value)
    {
        if (value)
        {
            Add(query, name, "true");
        }
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
