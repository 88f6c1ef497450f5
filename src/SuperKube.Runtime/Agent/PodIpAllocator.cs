using System.Net;
using System.Net.Sockets;

namespace SuperKube.Runtime.Agent;

/// <summary>Hands out pod IPs from the node's podCIDR (IPv4), skipping the network, gateway (.1) and broadcast addresses.</summary>
internal sealed class PodIpAllocator
{
    private readonly Lock _lock = new();
    private readonly uint _first;
    private readonly uint _last;
    private readonly Dictionary<string, uint> _byOwner = new(StringComparer.Ordinal);
    private readonly HashSet<uint> _used = [];
    private uint _next;

    public PodIpAllocator(string cidr)
    {
        var (network, prefix) = Parse(cidr);
        var size = prefix >= 32 ? 1u : 1u << (32 - prefix);
        _first = size > 4 ? network + 2 : network;
        _last = size > 4 ? network + size - 2 : network + size - 1;
        _next = _first;
    }

    public int Capacity => (int)(_last - _first + 1);

    /// <summary>The IP of <paramref name="owner"/> (a pod uid), allocating one when it has none.</summary>
    public string Allocate(string owner)
    {
        lock (_lock)
        {
            if (_byOwner.TryGetValue(owner, out var existing))
            {
                return Format(existing);
            }

            for (var i = 0; i < Capacity; i++)
            {
                var candidate = _next;
                _next = _next >= _last ? _first : _next + 1;
                if (_used.Add(candidate))
                {
                    _byOwner[owner] = candidate;
                    return Format(candidate);
                }
            }

            throw new InvalidOperationException("no pod IPs left in the node's podCIDR");
        }
    }

    /// <summary>Gives <paramref name="owner"/> the address it already had (an adopted pod); false when it is taken or outside the range.</summary>
    public bool Reserve(string owner, string address)
    {
        if (!IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = parsed.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        lock (_lock)
        {
            if (_byOwner.TryGetValue(owner, out var existing))
            {
                return existing == value;
            }

            if (value < _first || value > _last || !_used.Add(value))
            {
                return false;
            }

            _byOwner[owner] = value;
            return true;
        }
    }

    public void Release(string owner)
    {
        lock (_lock)
        {
            if (_byOwner.Remove(owner, out var address))
            {
                _used.Remove(address);
            }
        }
    }

    /// <summary>Parses <c>a.b.c.d/n</c> into the network address (as a number) and prefix length.</summary>
    public static (uint Network, int Prefix) Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix is < 8 or > 32)
        {
            throw new FormatException($"\"{cidr}\" is not an IPv4 CIDR such as 10.244.0.0/24");
        }

        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var mask = prefix == 32 ? uint.MaxValue : ~(uint.MaxValue >> prefix);
        return (value & mask, prefix);
    }

    public static string Format(uint address) => $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}";
}
