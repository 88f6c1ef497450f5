using System.Globalization;

namespace SuperKube.Defaulting;

/// <summary>Parses a Kubernetes resource quantity ("100m", "1.5Gi", "2e3") to its decimal value.</summary>
internal static class ResourceQuantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ("P", 1e15m), ("E", 1e18m),
    ];

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var factor = 1m;
        var number = text;
        foreach (var (suffix, suffixFactor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = suffixFactor;
                number = text[..^suffix.Length];
                break;
            }
        }

        // A decimal exponent ("1e3") is parsed by the number styles; "E" alone was taken as the exa suffix above.
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        try
        {
            value = parsed * factor;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
