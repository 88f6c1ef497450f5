using System.Collections.Concurrent;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// The per-container and per-sandbox maps of the Fake runtime hold a handful of entries, and a simulated node fleet
/// keeps tens of thousands of them: one lock and one bucket to start with cost a tenth of a default
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (a lock per core and 31 buckets), and they grow as needed.
/// </summary>
internal static class SmallConcurrentMap
{
    public static ConcurrentDictionary<string, TValue> Create<TValue>() => new(concurrencyLevel: 1, capacity: 1, StringComparer.Ordinal);

    public static ConcurrentDictionary<string, TValue> Create<TValue>(IEnumerable<KeyValuePair<string, TValue>> entries) =>
        new(concurrencyLevel: 1, entries, StringComparer.Ordinal);
}
