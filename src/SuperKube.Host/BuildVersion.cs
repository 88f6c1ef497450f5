using System.Reflection;

namespace SuperKube.Host;

/// <summary>
/// The version this binary was built as: <c>VersionPrefix</c> plus the git commit that the build embedded in the
/// informational version (<c>0.1.0+COMMIT</c>, from <c>SourceRevisionId</c>).
/// </summary>
internal static class BuildVersion
{
    /// <summary>The line <c>superkube --version</c> prints, e.g. <c>superkube 0.1.0 (commit abc1234)</c>.</summary>
    public static string Line => Describe(typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public static string Describe(string? informationalVersion)
    {
        var text = string.IsNullOrWhiteSpace(informationalVersion) ? "0.0.0" : informationalVersion.Trim();
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return $"superkube {text} (commit unknown)";
        }

        var commit = text[(plus + 1)..];
        return $"superkube {text[..plus]} (commit {(commit.Length > 7 ? commit[..7] : commit)})";
    }
}
