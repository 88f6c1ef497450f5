using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SuperKube.Api;

namespace SuperKube.Streaming.Remote;

/// <summary>Where a node serves its streams: InternalIP (else Hostname) and <c>status.daemonEndpoints.kubeletEndpoint.Port</c>, and its pinned certificate.</summary>
internal sealed record NodeEndpoint(string Name, Uri BaseUri, string CertificateSha256)
{
    /// <summary>Reads the endpoint from a Node; 503 when the node advertises none or no pinned certificate.</summary>
    public static NodeEndpoint From(JsonObject node)
    {
        var name = (string?)node["metadata"]?["name"] ?? "";
        var status = node["status"] as JsonObject;
        var port = (int?)status?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"] ?? 0;
        var addresses = (status?["addresses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var address = Address(addresses, "InternalIP") ?? Address(addresses, "Hostname");
        var pin = (string?)node["metadata"]?["annotations"]?[NodeStreaming.CertificateAnnotation];
        if (port is <= 0 or > 65535 || address is null || string.IsNullOrEmpty(pin))
        {
            throw new ApiException(503, "ServiceUnavailable", $"node {name} does not serve container streams (no streaming endpoint or certificate in its Node status)");
        }

        var host = IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        return new NodeEndpoint(name, new Uri($"https://{host}:{port.ToString(CultureInfo.InvariantCulture)}/"), pin);
    }

    private static string? Address(List<JsonObject> addresses, string type) =>
        addresses.Where(a => (string?)a["type"] == type).Select(a => (string?)a["address"]).FirstOrDefault(a => !string.IsNullOrEmpty(a));
}
