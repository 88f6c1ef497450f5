using System.Globalization;

namespace SuperKube.Services;

/// <summary>An inclusive range of ports written <c>FIRST-LAST</c>.</summary>
internal readonly record struct PortRange(int First, int Last)
{
    public int Size => Last - First + 1;

    public bool Contains(long port) => port >= First && port <= Last;

    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        var parts = text?.Split('-') ?? [];
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || first < 1 || last > 65535 || first > last)
        {
            return false;
        }

        range = new PortRange(first, last);
        return true;
    }

    public override string ToString() => $"{First}-{Last}";
}
