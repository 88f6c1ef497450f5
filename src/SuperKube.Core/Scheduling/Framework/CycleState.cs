using System.Diagnostics.CodeAnalysis;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// State of one scheduling attempt: plugins write in PreFilter/PreScore (which run on one thread) and read in
/// Filter/Score (which may run in parallel, so they must not write). Also gives the cluster snapshot the attempt
/// works on.
/// </summary>
public sealed class CycleState
{
    private readonly Dictionary<string, IStateData> _data;

    public CycleState(ISchedulerSnapshot snapshot)
        : this(snapshot, new Dictionary<string, IStateData>(8, StringComparer.Ordinal))
    {
    }

    private CycleState(ISchedulerSnapshot snapshot, Dictionary<string, IStateData> data)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        _data = data;
    }

    /// <summary>The nodes and pods as the scheduler sees them for this attempt.</summary>
    public ISchedulerSnapshot Snapshot { get; }

    /// <summary>The profile running the attempt (used by preemption to re-run filters).</summary>
    internal SchedulingFramework? Framework { get; set; }

    /// <summary>The Filter plugins that run in this attempt (set after PreFilter).</summary>
    internal IFilterPlugin[]? Filters { get; set; }

    internal HashSet<string> SkipFilterPlugins { get; private init; } = new(StringComparer.Ordinal);

    internal HashSet<string> SkipScorePlugins { get; private init; } = new(StringComparer.Ordinal);

    public void Write(string key, IStateData value) => _data[key] = value;

    public bool TryRead<T>(string key, [MaybeNullWhen(false)] out T value) where T : class, IStateData
    {
        value = _data.TryGetValue(key, out var data) ? data as T : null;
        return value is not null;
    }

    /// <summary>Reads a value written earlier in the cycle; throws <see cref="InvalidOperationException"/> when absent.</summary>
    public T Read<T>(string key) where T : class, IStateData =>
        TryRead<T>(key, out var value) ? value : throw new InvalidOperationException($"cycle state has no \"{key}\" of type {typeof(T).Name}");

    /// <summary>A deep copy for what-if evaluation (preemption).</summary>
    public CycleState Clone()
    {
        var data = new Dictionary<string, IStateData>(_data.Count, StringComparer.Ordinal);
        foreach (var (key, value) in _data)
        {
            data[key] = value.Clone();
        }

        return new CycleState(Snapshot, data)
        {
            Framework = Framework,
            Filters = Filters,
            SkipFilterPlugins = new HashSet<string>(SkipFilterPlugins, StringComparer.Ordinal),
            SkipScorePlugins = new HashSet<string>(SkipScorePlugins, StringComparer.Ordinal),
        };
    }
}
