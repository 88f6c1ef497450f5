namespace SuperKube.Scheduling.Framework;

/// <summary>Counts per topology pair (key, value); entries that drop to zero are removed.</summary>
internal sealed class TopologyCounts
{
    private readonly Dictionary<string, Dictionary<string, long>> _counts;

    public TopologyCounts()
    {
        _counts = new(StringComparer.Ordinal);
    }

    private TopologyCounts(Dictionary<string, Dictionary<string, long>> counts)
    {
        _counts = counts;
    }

    /// <summary>The number of pairs with a non-zero count.</summary>
    public int Count { get; private set; }

    public IEnumerable<KeyValuePair<(string Key, string Value), long>> Entries =>
        _counts.SelectMany(k => k.Value.Select(v => KeyValuePair.Create((k.Key, v.Key), v.Value)));

    public long Get(string key, string value) =>
        _counts.TryGetValue(key, out var values) && values.TryGetValue(value, out var count) ? count : 0;

    public void Add(string key, string value, long delta)
    {
        if (!_counts.TryGetValue(key, out var values))
        {
            values = new Dictionary<string, long>(StringComparer.Ordinal);
            _counts[key] = values;
        }

        var had = values.TryGetValue(value, out var count);
        count += delta;
        if (count == 0)
        {
            values.Remove(value);
            Count -= had ? 1 : 0;
        }
        else
        {
            values[value] = count;
            Count += had ? 0 : 1;
        }
    }

    public TopologyCounts Clone() =>
        new(_counts.ToDictionary(k => k.Key, k => new Dictionary<string, long>(k.Value, StringComparer.Ordinal), StringComparer.Ordinal)) { Count = Count };
}
