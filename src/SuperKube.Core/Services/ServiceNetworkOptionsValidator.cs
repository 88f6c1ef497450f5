using Microsoft.Extensions.Options;

namespace SuperKube.Services;

/// <summary>Rejects a service CIDR or node port range that does not parse, at host start.</summary>
internal sealed class ServiceNetworkOptionsValidator : IValidateOptions<ServiceNetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceNetworkOptions options)
    {
        var failures = new List<string>();
        if (!Ipv4Cidr.TryParse(options.ServiceCidr, out var cidr) || cidr.Size < 8)
        {
            failures.Add($"ServiceCidr '{options.ServiceCidr}' is not an IPv4 CIDR of at least 8 addresses, such as 10.96.0.0/12.");
        }

        if (!PortRange.TryParse(options.NodePortRange, out _))
        {
            failures.Add($"NodePortRange '{options.NodePortRange}' is not a port range such as 30000-32767.");
        }

        if (options.AdvertiseAddress is { } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            failures.Add($"AdvertiseAddress '{address}' is not an IP address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
