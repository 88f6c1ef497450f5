using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.CustomResources;

/// <summary>
/// Orders API versions the Kubernetes way, most preferred first: GA before beta before alpha, higher numbers first
/// (v2, v1, v1beta2, v1beta1, v1alpha1), then versions of other shapes alphabetically.
/// </summary>
internal sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? "");
        var b = Rank(y ?? "");
        if (a is null || b is null)
        {
            return a is null && b is null ? string.CompareOrdinal(x, y) : a is null ? 1 : -1;
        }

        return b.Value.CompareTo(a.Value);
    }

    // Major version, then stability (GA 2, beta 1, alpha 0), then minor; larger is more preferred.
    private static (int Major, int Stability, int Minor)? Rank(string version)
    {
        var match = VersionRegex().Match(version);
        if (!match.Success)
        {
            return null;
        }

        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var stability = match.Groups[2].Value switch { "" => 2, "beta" => 1, _ => 0 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return (stability == 2 ? major : 0, stability, stability == 2 ? 0 : major * 1000 + minor);
    }

    [GeneratedRegex("^v([1-9][0-9]*)(?:(alpha|beta)([1-9][0-9]*))?$")]
    private static partial Regex VersionRegex();
}
