using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SuperKube.CustomResources;

/// <summary>
/// The string formats a CRD schema may name and the server checks (kube-openapi's format registry): date-time, date,
/// duration, byte, uuid (and uuid3/4/5), ipv4, ipv6, cidr, mac, hostname, email, uri, hexcolor, rgbcolor, isbn and
/// friends are approximated by their common shapes. Unknown formats (int32, int64, double, password ...) accept anything.
/// </summary>
internal static partial class SchemaFormats
{
    /// <summary>True when <paramref name="value"/> has <paramref name="format"/>, or the format is not checked.</summary>
    public static bool IsValid(string format, string value) => format switch
    {
        "date-time" or "datetime" => DateTimeRegex().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "duration" => DurationRegex().IsMatch(value),
        "byte" => IsBase64(value),
        "uuid" => UuidRegex().IsMatch(value),
        "uuid3" => UuidRegex().IsMatch(value) && value[14] == '3',
        "uuid4" => UuidRegex().IsMatch(value) && value[14] == '4',
        "uuid5" => UuidRegex().IsMatch(value) && value[14] == '5',
        "ipv4" => IPAddress.TryParse(value, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && value.Count(c => c == '.') == 3,
        "ipv6" => value.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value, out var v6)
            && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
        "cidr" => IsCidr(value),
        "mac" => MacRegex().IsMatch(value),
        "hostname" => value.Length <= 255 && HostnameRegex().IsMatch(value),
        "email" => EmailRegex().IsMatch(value),
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "hexcolor" => HexColorRegex().IsMatch(value),
        "rgbcolor" => RgbColorRegex().IsMatch(value),
        "bsonobjectid" => BsonObjectIdRegex().IsMatch(value),
        _ => true,
    };

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IPAddress.TryParse(value[..slash], out var address)
            && int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            && bits <= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^(-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+|0)$")]
    private static partial Regex DurationRegex();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")]
    private static partial Regex MacRegex();

    [GeneratedRegex(@"^[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*\.?$")]
    private static partial Regex HostnameRegex();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailRegex();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColorRegex();

    [GeneratedRegex(@"^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$")]
    private static partial Regex RgbColorRegex();

    [GeneratedRegex("^[0-9a-fA-F]{24}$")]
    private static partial Regex BsonObjectIdRegex();
}
