using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// This machine's IP addresses (re-read at most every few seconds), and the cluster IPs the proxy put on the loopback
/// interface itself (<c>ip address add IP/32 dev lo</c>), which it takes away again when their Service goes.
/// </summary>
internal sealed partial class LocalAddresses(TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    private readonly HashSet<IPAddress> _added = [];
    private readonly HashSet<IPAddress> _refused = [];
    private HashSet<IPAddress> _local = [];
    private long _readAt = long.MinValue;

    public bool IsLocal(IPAddress address)
    {
        if (_readAt == long.MinValue || time.GetElapsedTime(_readAt) > RefreshAfter)
        {
            _local = Read();
            _readAt = time.GetTimestamp();
        }

        return _local.Contains(address) || _added.Contains(address);
    }

    /// <summary>Makes <paramref name="address"/> local, adding it to the loopback interface if needed; false when that is not possible.</summary>
    public bool Ensure(IPAddress address)
    {
        if (IsLocal(address))
        {
            return true;
        }

        if (_refused.Contains(address) || !OperatingSystem.IsLinux())
        {
            return false;
        }

        if (Ip("add", address))
        {
            _added.Add(address);
            Log.Added(logger, address);
            return true;
        }

        _refused.Add(address);
        return false;
    }

    /// <summary>Removes the addresses this proxy added that are not in <paramref name="keep"/>.</summary>
    public void KeepOnly(IReadOnlyCollection<IPAddress> keep)
    {
        foreach (var address in _added.Where(a => !keep.Contains(a)).ToList())
        {
            Ip("del", address);
            _added.Remove(address);
            Log.Removed(logger, address);
        }

        _refused.IntersectWith(keep);
    }

    private bool Ip(string verb, IPAddress address)
    {
        var start = new ProcessStartInfo("ip", ["address", verb, address.ToString() + "/32", "dev", "lo"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && !error.Contains("File exists", StringComparison.Ordinal))
            {
                Log.IpFailed(logger, verb, address, error.Trim(), process.ExitCode.ToString(CultureInfo.InvariantCulture));
                return false;
            }

            return true;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Log.IpFailed(logger, verb, address, ex.Message, "-");
            return false;
        }
    }

    private static HashSet<IPAddress> Read()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)];
        }
        catch (NetworkInformationException)
        {
            return [IPAddress.Loopback];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ServiceProxy + 30, LogLevel.Information, "Cluster IP {Address} added to the loopback interface")]
        public static partial void Added(ILogger logger, IPAddress address);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 31, LogLevel.Information, "Cluster IP {Address} removed from the loopback interface")]
        public static partial void Removed(ILogger logger, IPAddress address);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 32, LogLevel.Warning, "ip address {Verb} {Address}/32 dev lo failed ({Error}, exit {Exit}); cluster IPs are not served on this node")]
        public static partial void IpFailed(ILogger logger, string verb, IPAddress address, string error, string exit);
    }
}
