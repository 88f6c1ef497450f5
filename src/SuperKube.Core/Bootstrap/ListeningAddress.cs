using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SuperKube.Bootstrap;

/// <summary>The address and port this API server listens on, as other servers and in-cluster clients reach it.</summary>
internal static class ListeningAddress
{
    /// <summary>
    /// Waits until the host has started (the port is known only then) and returns the first listening IP address and
    /// port (loopback when it listens on every address; <paramref name="advertiseAddress"/> replaces the address when
    /// set), or null when no server listens (a host without Kestrel).
    /// </summary>
    public static async Task<(string Address, int Port)?> WaitAsync(IServiceProvider services, string? advertiseAddress, CancellationToken cancellationToken)
    {
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            if (Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal),
                    UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
            {
                var host = ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : ip.ToString();
                return (advertiseAddress ?? host, uri.Port);
            }
        }

        return null;
    }
}
