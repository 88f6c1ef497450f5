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
    private Dictionary<string, Entry>? _entries; // most pods never restart: created on the first entry

    private Dictionary<string, Entry> Entries => _entries ??= new(StringComparer.Ordinal);

    /// <summary>The current delay for <paramref name="key"/>, or zero when it has none.</summary>
    public TimeSpan Delay(string key) => _entries is not null && _entries.TryGetValue(key, out var entry) ? entry.Delay : TimeSpan.Zero;

    /// <summary>
    /// When the restart of <paramref name="key"/> that failed at <paramref name="failedAt"/> may happen, or null if it
    /// may happen now (no back-off, the window passed, or the entry expired).
    /// </summary>
    public DateTimeOffset? WaitUntil(string key, DateTimeOffset failedAt, DateTimeOffset now)
    {
        if (_entries is null || !_entries.TryGetValue(key, out var entry) || Expired(entry, failedAt))
        {
            return null;
        }

        var until = failedAt + entry.Delay;
        return now < until ? until : null;
    }

    /// <summary>Records a restart of the failure at <paramref name="failedAt"/>: starts at the initial delay or doubles it.</summary>
    public void Next(string key, DateTimeOffset failedAt)
    {
        var delay = Entries.TryGetValue(key, out var entry) && !Expired(entry, failedAt)
            ? TimeSpan.FromTicks(Math.Min(entry.Delay.Ticks * 2, _maximum.Ticks))
            : _initial;
        Entries[key] = new Entry(delay, failedAt);
    }

    /// <summary>
    /// Restores the entry an earlier agent had for <paramref name="key"/> after <paramref name="restarts"/> restarts,
    /// the last of them for the failure at <paramref name="lastFailure"/> (the delay doubled restarts − 1 times from the
    /// initial one, capped), so an adopted crash loop waits out what is left of its back-off instead of starting over.
    /// No restarts leaves no entry: the next restart is immediate, as for a new container.
    /// </summary>
    public void Resume(string key, int restarts, DateTimeOffset lastFailure)
    {
        if (restarts <= 0)
        {
            _entries?.Remove(key);
            return;
        }

        var doubled = _initial.Ticks * Math.Pow(2, Math.Min(restarts - 1, 30));
        Entries[key] = new Entry(doubled >= _maximum.Ticks ? _maximum : TimeSpan.FromTicks((long)doubled), lastFailure);
    }

    public void Reset(string key) => _entries?.Remove(key);

    private bool Expired(Entry entry, DateTimeOffset eventTime) => eventTime - entry.LastUpdate > 2 * _maximum;

    private sealed record Entry(TimeSpan Delay, DateTimeOffset LastUpdate);
}
