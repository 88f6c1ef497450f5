namespace SuperKube.Runtime.Agent;

/// <summary>
/// The kubelet's per-container back-off: the first restart is immediate, then each crash within the window waits
/// 10 s, 20 s, 40 s ... up to 5 minutes; an entry not updated for twice the maximum (10 minutes) starts over.
/// Also used for image pulls (ImagePullBackOff).
/// </summary>
internal sealed class RestartBackoff(TimeSpan? initial = null, TimeSpan? maximum = null)
{
    private readonly TimeSpan _initial = initial ?? TimeSpan.FromSeconds(10);
    private readonly TimeSpan _maximum = maximum ?? TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The current delay for <paramref name="key"/>, or zero when it has none.</summary>
    public TimeSpan Delay(string key) => _entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;

    /// <summary>
    /// When the restart of <paramref name="key"/> that failed at <paramref name="failedAt"/> may happen, or null if it
    /// may happen now (no back-off, the window passed, or the entry expired).
    /// </summary>
    public DateTimeOffset? WaitUntil(string key, DateTimeOffset failedAt, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry) || Expired(entry, failedAt))
        {
            return null;
        }

        var until = failedAt + entry.Delay;
        return now < until ? until : null;
    }

    /// <summary>Records a restart of the failure at <paramref name="failedAt"/>: starts at the initial delay or doubles it.</summary>
    public void Next(string key, DateTimeOffset failedAt)
    {
        var delay = _entries.TryGetValue(key, out var entry) && !Expired(entry, failedAt)
            ? TimeSpan.FromTicks(Math.Min(entry.Delay.Ticks * 2, _maximum.Ticks))
            : _initial;
        _entries[key] = new Entry(delay, failedAt);
    }

    public void Reset(string key) => _entries.Remove(key);

    private bool Expired(Entry entry, DateTimeOffset eventTime) => eventTime - entry.LastUpdate > 2 * _maximum;

    private sealed record Entry(TimeSpan Delay, DateTimeOffset LastUpdate);
}
