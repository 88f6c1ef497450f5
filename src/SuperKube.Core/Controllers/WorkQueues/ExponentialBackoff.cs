namespace SuperKube.Controllers.WorkQueues;

/// <summary>
/// Per-item exponential backoff (client-go's ItemExponentialFailureRateLimiter): the n-th retry of an item waits
/// <c>baseDelay * 2^n</c>, capped at <c>maxDelay</c>. Not thread-safe; the work queue calls it under its lock.
/// </summary>
internal sealed class ExponentialBackoff<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _failures = [];

    /// <summary>The delay before the next retry of <paramref name="item"/>; counts the retry.</summary>
    public TimeSpan Next(TKey item)
    {
        var exponent = _failures.GetValueOrDefault(item);
        _failures[item] = exponent + 1;
        if (exponent >= 62)
        {
            return maxDelay;
        }

        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public int Retries(TKey item) => _failures.GetValueOrDefault(item);

    public void Forget(TKey item) => _failures.Remove(item);
}
