using SuperKube.Model.Core;

namespace SuperKube.Runtime.Agent;

/// <summary>Values of the pod fields the downward API exposes (env <c>fieldRef</c> and downwardAPI volumes).</summary>
internal static class PodFieldPaths
{
    public static string? Value(Pod pod, string path, string podIp, string hostIp)
    {
        var meta = pod.Metadata;
        if (TryKey(path, "metadata.labels", out var label))
        {
            return meta?.Labels is { } labels && labels.TryGetValue(label, out var v) ? v : "";
        }

        if (TryKey(path, "metadata.annotations", out var annotation))
        {
            return meta?.Annotations is { } annotations && annotations.TryGetValue(annotation, out var v) ? v : "";
        }

        return path switch
        {
            "metadata.name" => meta?.Name ?? "",
            "metadata.namespace" => meta?.Namespace ?? "",
            "metadata.uid" => meta?.Uid ?? "",
            "metadata.labels" => Lines(meta?.Labels),
            "metadata.annotations" => Lines(meta?.Annotations),
            "spec.nodeName" => pod.Spec?.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec?.ServiceAccountName ?? "",
            "status.hostIP" or "status.hostIPs" => hostIp,
            "status.podIP" or "status.podIPs" => podIp,
            _ => null,
        };
    }

    private static bool TryKey(string path, string prefix, out string key)
    {
        key = "";
        if (!path.StartsWith(prefix + "['", StringComparison.Ordinal) || !path.EndsWith("']", StringComparison.Ordinal))
        {
            return false;
        }

        key = path[(prefix.Length + 2)..^2];
        return true;
    }

    private static string Lines(IDictionary<string, string>? values) =>
        values is null ? "" : string.Join('\n', values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{p.Value}\""));
}
