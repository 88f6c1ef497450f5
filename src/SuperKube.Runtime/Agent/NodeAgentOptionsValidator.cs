using Microsoft.Extensions.Options;
using SuperKube.Validation;

namespace SuperKube.Runtime.Agent;

/// <summary>Rejects unusable <see cref="NodeAgentOptions"/> at host start, naming the offending option.</summary>
internal sealed class NodeAgentOptionsValidator : IValidateOptions<NodeAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeAgentOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.NodeName))
        {
            failures.Add($"{nameof(NodeAgentOptions)}.{nameof(NodeAgentOptions.NodeName)} is required.");
        }
        else if (NameRules.IsDns1123Subdomain(options.NodeName).Count > 0)
        {
            failures.Add($"{nameof(NodeAgentOptions)}.{nameof(NodeAgentOptions.NodeName)} \"{options.NodeName}\" is not a valid DNS subdomain (lowercase letters, digits, '-' and '.').");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero || options.LeaseDuration <= options.HeartbeatInterval)
        {
            failures.Add($"{nameof(NodeAgentOptions)}.{nameof(NodeAgentOptions.HeartbeatInterval)} must be positive and shorter than {nameof(NodeAgentOptions.LeaseDuration)}.");
        }

        if (options.StatusReportInterval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(NodeAgentOptions)}.{nameof(NodeAgentOptions.StatusReportInterval)} must be positive.");
        }

        if (options.MaxPods <= 0)
        {
            failures.Add($"{nameof(NodeAgentOptions)}.{nameof(NodeAgentOptions.MaxPods)} must be positive.");
        }

        foreach (var (label, cidr) in new[] { (nameof(NodeAgentOptions.PodCidr), options.PodCidr), (nameof(NodeAgentOptions.ClusterCidr), options.ClusterCidr) })
        {
            if (cidr is not null && !TryParse(cidr))
            {
                failures.Add($"{nameof(NodeAgentOptions)}.{label} \"{cidr}\" is not an IPv4 CIDR such as 10.244.0.0/24.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryParse(string cidr)
    {
        try
        {
            PodIpAllocator.Parse(cidr);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
