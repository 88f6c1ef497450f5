using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace SuperKube.Objects;

/// <summary>
/// A small read-only string-to-string map (labels, annotations) kept as one array of key/value pairs and searched
/// in order: a third of a <see cref="Dictionary{TKey, TValue}"/>'s memory for the handful of entries such maps hold,
/// which matters when tens of thousands of cached objects and containers each keep one. Keys are compared ordinally;
/// a repeated key keeps its last value, as a dictionary's indexer would.
/// </summary>
internal sealed class StringMap : IReadOnlyDictionary<string, string>
{
    /// <summary>The map with no entries.</summary>
    public static readonly StringMap Empty = new([]);

    private readonly string[] _pairs;

    private StringMap(string[] pairs) => _pairs = pairs;

    public int Count => _pairs.Length / 2;

    public IEnumerable<string> Keys => Enumerate().Select(p => p.Key);

    public IEnumerable<string> Values => Enumerate().Select(p => p.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The label or annotation '{key}' is not present.");

    /// <summary>A map of the entries in order (a repeated key keeps its last value); empty for null.</summary>
    public static StringMap From(IEnumerable<KeyValuePair<string, string>>? entries)
    {
        if (entries is null)
        {
            return Empty;
        }

        var pairs = new List<string>();
        foreach (var (key, value) in entries)
        {
            var at = IndexOf(CollectionsMarshal.AsSpan(pairs), key);
            if (at >= 0)
            {
                pairs[at + 1] = value;
            }
            else
            {
                pairs.Add(key);
                pairs.Add(value);
            }
        }

        return pairs.Count == 0 ? Empty : new StringMap([.. pairs]);
    }

    public bool ContainsKey(string key) => IndexOf(_pairs, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(_pairs, key);
        value = at >= 0 ? _pairs[at + 1] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<KeyValuePair<string, string>> Enumerate()
    {
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            yield return new KeyValuePair<string, string>(_pairs[i], _pairs[i + 1]);
        }
    }

    private static int IndexOf(ReadOnlySpan<string> pairs, string key)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (string.Equals(pairs[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
