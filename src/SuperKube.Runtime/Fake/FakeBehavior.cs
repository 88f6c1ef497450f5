using System.Globalization;

namespace SuperKube.Runtime.Fake;

/// <summary>How one fake container behaves, read from the pod annotations (<see cref="FakeRuntimeAnnotations"/>).</summary>
internal sealed record FakeBehavior
{
    public string? Script { get; init; }

    public bool PullFails { get; init; }

    public bool Healthy { get; init; } = true;

    public TimeSpan? UnhealthyAfter { get; init; }

    public bool IgnoresSigterm { get; init; }

    public static FakeBehavior For(IReadOnlyDictionary<string, string> annotations, string container) => new()
    {
        Script = Value(annotations, FakeRuntimeAnnotations.Run, container),
        PullFails = Value(annotations, FakeRuntimeAnnotations.Pull, container) is "fail",
        Healthy = Value(annotations, FakeRuntimeAnnotations.Healthy, container) is not "false",
        UnhealthyAfter = Value(annotations, FakeRuntimeAnnotations.UnhealthyAfter, container) is { } after ? ParseDuration(after) : null,
        IgnoresSigterm = Value(annotations, FakeRuntimeAnnotations.Sigterm, container) is "ignore",
    };

    /// <summary>Whether an image fails to pull by name: a host under <c>.invalid</c>, or <c>does-not-exist</c> in the name.</summary>
    public static bool ImageFailsToPull(string image)
    {
        var host = image.Contains('/', StringComparison.Ordinal) ? image[..image.IndexOf('/', StringComparison.Ordinal)] : "";
        return host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)
            || image.Contains("does-not-exist", StringComparison.OrdinalIgnoreCase)
            || image.Contains("doesnotexist", StringComparison.OrdinalIgnoreCase);
    }

    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? TimeSpan.FromSeconds(value * Math.Max(unit, 1))
            : null;
    }

    private static string? Value(IReadOnlyDictionary<string, string> annotations, string key, string container) =>
        annotations.TryGetValue(key + "." + container, out var specific) ? specific
        : annotations.TryGetValue(key, out var general) ? general
        : null;
}
