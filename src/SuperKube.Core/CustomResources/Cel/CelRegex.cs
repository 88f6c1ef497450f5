using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// RE2 patterns for <c>matches()</c> on .NET's non-backtracking engine, which like RE2 runs in linear time (and so
/// also refuses backreferences and lookaround). Compiled patterns are cached, up to a bound.
/// </summary>
internal static class CelRegex
{
    private const int MaxCached = 512;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new CelException($"invalid regular expression '{pattern}': {ex.Message}");
        }

        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(pattern, regex);
        }

        return regex;
    }

    public static bool Matches(string text, string pattern)
    {
        try
        {
            return Get(pattern).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelException("regular expression evaluation timed out", -1, fatal: true);
        }
    }
}
