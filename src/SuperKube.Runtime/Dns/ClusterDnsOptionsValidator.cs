using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SuperKube.Validation;

namespace SuperKube.Runtime.Dns;

/// <summary>Rejects unusable <see cref="ClusterDnsOptions"/> at host start, naming the offending option.</summary>
internal sealed class ClusterDnsOptionsValidator : IValidateOptions<ClusterDnsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterDnsOptions options)
    {
        var failures = new List<string>();
        if (options.ListenAddress is not null && (!IPAddress.TryParse(options.ListenAddress, out var address) || address.AddressFamily != AddressFamily.InterNetwork))
        {
            failures.Add($"{nameof(ClusterDnsOptions)}.{nameof(ClusterDnsOptions.ListenAddress)} \"{options.ListenAddress}\" is not an IPv4 address.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{nameof(ClusterDnsOptions)}.{nameof(ClusterDnsOptions.Port)} must be between 1 and 65535.");
        }

        if (NameRules.IsDns1123Subdomain(options.ClusterDomain.Trim('.')).Count > 0)
        {
            failures.Add($"{nameof(ClusterDnsOptions)}.{nameof(ClusterDnsOptions.ClusterDomain)} \"{options.ClusterDomain}\" is not a valid DNS domain.");
        }

        if (options.RecordTtl < TimeSpan.Zero || options.RecordTtl > TimeSpan.FromDays(1))
        {
            failures.Add($"{nameof(ClusterDnsOptions)}.{nameof(ClusterDnsOptions.RecordTtl)} must be between 0 and one day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
