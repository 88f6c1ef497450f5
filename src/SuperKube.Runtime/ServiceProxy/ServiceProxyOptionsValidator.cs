using System.Net;
using Microsoft.Extensions.Options;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>Rejects unusable <see cref="ServiceProxyOptions"/> at host start, naming the offending option.</summary>
internal sealed class ServiceProxyOptionsValidator : IValidateOptions<ServiceProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceProxyOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.NodePortAddress, out _))
        {
            failures.Add($"{nameof(ServiceProxyOptions)}.{nameof(ServiceProxyOptions.NodePortAddress)} \"{options.NodePortAddress}\" is not an IP address.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ServiceProxyOptions)}.{nameof(ServiceProxyOptions.ConnectTimeout)} must be positive.");
        }

        if (options.UdpIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ServiceProxyOptions)}.{nameof(ServiceProxyOptions.UdpIdleTimeout)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
