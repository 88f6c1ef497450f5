using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A health check run against a container.")]
public sealed class Probe
{
    [Description("Run a command in the container; exit code zero is success.")]
    public ExecAction? Exec { get; set; }

    [Description("Send an HTTP GET; a 2xx or 3xx status is success.")]
    public HTTPGetAction? HttpGet { get; set; }

    [Description("Open a TCP connection; connecting is success.")]
    public TCPSocketAction? TcpSocket { get; set; }

    [Description("Call the gRPC health service.")]
    public GRPCAction? Grpc { get; set; }

    [Description("Seconds after the container starts before the first check.")]
    public int? InitialDelaySeconds { get; set; }

    [Description("Seconds after which a check counts as failed.")]
    public int? TimeoutSeconds { get; set; }

    [Description("Seconds between checks.")]
    public int? PeriodSeconds { get; set; }

    [Description("Consecutive successes needed after a failure.")]
    public int? SuccessThreshold { get; set; }

    [Description("Consecutive failures that make the probe fail.")]
    public int? FailureThreshold { get; set; }

    [Description("Grace period used when a failing probe kills the container.")]
    public long? TerminationGracePeriodSeconds { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
