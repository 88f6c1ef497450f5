using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Validation;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Resolves the <c>name.namespace.svc</c> host of a <c>clientConfig.service</c> webhook to an address that serves it:
/// the Service's port is mapped to its target port, and the first ready address of the Service's Endpoints is used
/// (as kube-apiserver does with endpoint routing). Other hosts are returned unchanged.
/// </summary>
internal sealed class WebhookEndpoints(IResourceRegistry registry, ResourceReader reader)
{
    public (string Host, int Port) Resolve(string host, int port)
    {
        var parts = host.Split('.');
        if (parts is not [var name, var ns, "svc"])
        {
            return (host, port);
        }

        var service = Read("services", ns, name) ?? throw new WebhookCallException($"service \"{name}\" not found");
        var servicePort = (JsonRead.Array(service, "spec", "ports") ?? []).OfType<JsonObject>()
            .FirstOrDefault(p => JsonRead.Integer(p, "port") == port)
            ?? throw new WebhookCallException($"no service port {port} found for service \"{name}\"");
        var portName = JsonRead.String(servicePort, "name") ?? "";
        var endpoints = Read("endpoints", ns, name);
        foreach (var subset in (JsonRead.Array(endpoints, "subsets") ?? []).OfType<JsonObject>())
        {
            var address = (JsonRead.Array(subset, "addresses") ?? []).OfType<JsonObject>().Select(a => JsonRead.String(a, "ip")).FirstOrDefault(ip => ip is { Length: > 0 });
            var target = (JsonRead.Array(subset, "ports") ?? []).OfType<JsonObject>().FirstOrDefault(p => (JsonRead.String(p, "name") ?? "") == portName);
            if (address is not null && JsonRead.Integer(target, "port") is { } targetPort)
            {
                return (address, (int)targetPort);
            }
        }

        throw new WebhookCallException($"no endpoints available for service \"{name}\"");
    }

    private JsonObject? Read(string plural, string ns, string name) =>
        registry.Find("", "v1", plural) is { } type ? reader.Find(type, ns, name)?.Parse() : null;

    /// <summary>The address as Go prints it in dial errors.</summary>
    public static string Format(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);
}
