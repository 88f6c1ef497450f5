using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SuperKube.Services;

/// <summary>An IPv4 range in CIDR notation; addresses are numbered by their offset from the network address.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>How many addresses the range holds, network and broadcast included.</summary>
    public long Size => 1L << (32 - PrefixLength);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Ipv4Cidr cidr)
    {
        cidr = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0
            || !IPAddress.TryParse(text[..slash], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix is < 1 or > 32)
        {
            return false;
        }

        var mask = prefix == 32 ? uint.MaxValue : ~(uint.MaxValue >> prefix);
        cidr = new Ipv4Cidr(ToNumber(address) & mask, prefix);
        return true;
    }

    /// <summary>The address at <paramref name="offset"/> from the network address.</summary>
    public string At(long offset) => FromNumber((uint)(Network + offset));

    /// <summary>The offset of <paramref name="ip"/>, or null when it is no IPv4 address inside the range.</summary>
    public long? OffsetOf(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return null;
        }

        var offset = (long)ToNumber(address) - Network;
        return offset >= 0 && offset < Size ? offset : null;
    }

    public override string ToString() => $"{FromNumber(Network)}/{PrefixLength}";

    private static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string FromNumber(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}");
}
