using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One lifecycle action.")]
public sealed class LifecycleHandler
{
    [Description("Run a command in the container.")]
    public ExecAction? Exec { get; set; }

    [Description("Send an HTTP GET.")]
    public HTTPGetAction? HttpGet { get; set; }

    [Description("Deprecated TCP check; kept for compatibility.")]
    public TCPSocketAction? TcpSocket { get; set; }

    [Description("Wait for a while.")]
    public SleepAction? Sleep { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
