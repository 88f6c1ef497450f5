using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("An HTTP GET request.")]
public sealed class HTTPGetAction
{
    [Description("Path to request.")]
    public string? Path { get; set; }

    [Description("Port number or name to connect to.")]
    public IntOrString? Port { get; set; }

    [Description("Host to connect to; defaults to the pod IP.")]
    public string? Host { get; set; }

    [Description("HTTP or HTTPS.")]
    public string? Scheme { get; set; }

    [Description("Extra request headers.")]
    [ListType("atomic")]
    public IList<HTTPHeader>? HttpHeaders { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
