using System.Text.RegularExpressions;
using SuperKube.Validation;

namespace SuperKube.Admission.PodSecurity;

/// <summary>
/// A level and version read from a namespace's <c>pod-security.kubernetes.io/&lt;mode&gt;</c> and <c>-version</c>
/// labels. Checks are those of the latest version whatever the version label says (it is validated, and printed).
/// </summary>
internal sealed partial record PodSecurityPolicy(PodSecurityLevel Level, string Version)
{
    public const string Prefix = "pod-security.kubernetes.io/";

    public static readonly string[] Modes = ["enforce", "warn", "audit"];

    public static readonly PodSecurityPolicy Privileged = new(PodSecurityLevel.Privileged, "latest");

    /// <summary>As upstream prints it: <c>restricted:latest</c>.</summary>
    public override string ToString() => $"{Level.ToString().ToLowerInvariant()}:{Version}";

    /// <summary>The policy of one mode; unset labels mean privileged:latest, an invalid level restricted (as upstream, failing closed).</summary>
    public static PodSecurityPolicy For(IReadOnlyDictionary<string, string> labels, string mode)
    {
        if (!labels.TryGetValue(Prefix + mode, out var levelText))
        {
            return Privileged;
        }

        var version = labels.TryGetValue(Prefix + mode + "-version", out var v) && IsVersion(v) ? v : "latest";
        return new PodSecurityPolicy(ParseLevel(levelText) ?? PodSecurityLevel.Restricted, version);
    }

    /// <summary>Errors for invalid pod-security labels on a Namespace, with upstream's field messages.</summary>
    public static IEnumerable<FieldError> Validate(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var mode in Modes)
        {
            if (labels.TryGetValue(Prefix + mode, out var level) && ParseLevel(level) is null)
            {
                yield return FieldError.Invalid($"metadata.labels[{Prefix}{mode}]", GoText.Quote(level), "must be one of privileged, baseline, restricted");
            }

            if (labels.TryGetValue(Prefix + mode + "-version", out var version) && !IsVersion(version))
            {
                yield return FieldError.Invalid($"metadata.labels[{Prefix}{mode}-version]", GoText.Quote(version), "must be \"latest\" or of the form \"v1.x\"");
            }
        }
    }

    private static PodSecurityLevel? ParseLevel(string text) => text switch
    {
        "privileged" => PodSecurityLevel.Privileged,
        "baseline" => PodSecurityLevel.Baseline,
        "restricted" => PodSecurityLevel.Restricted,
        _ => null,
    };

    private static bool IsVersion(string text) => text == "latest" || VersionPattern().IsMatch(text);

    [GeneratedRegex(@"^v1\.(0|[1-9][0-9]*)$")]
    private static partial Regex VersionPattern();
}
