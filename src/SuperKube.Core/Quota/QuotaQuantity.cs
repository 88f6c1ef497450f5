using System.Globalization;

namespace SuperKube.Quota;

/// <summary>Quota amounts as Kubernetes prints them: CPU in cores or millicores (<c>2</c>, <c>500m</c>), bytes with binary suffixes when exact (<c>256Mi</c>), counts as integers.</summary>
internal static class QuotaQuantity
{
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static string Format(string name, decimal value)
    {
        if (QuotaResources.IsCpu(name) && decimal.Truncate(value) != value)
        {
            return decimal.Ceiling(value * 1000).ToString(CultureInfo.InvariantCulture) + "m";
        }

        var whole = decimal.Ceiling(value);
        if (QuotaResources.IsBytes(name) && whole > 0)
        {
            var suffix = -1;
            while (suffix + 1 < BinarySuffixes.Length && whole % 1024 == 0)
            {
                whole /= 1024;
                suffix++;
            }

            return whole.ToString(CultureInfo.InvariantCulture) + (suffix >= 0 ? BinarySuffixes[suffix] : "");
        }

        return whole.ToString(CultureInfo.InvariantCulture);
    }
}
