namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout, Func<string> describe)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {timeout}: {describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds; a <see cref="TimeoutException"/> saying <paramref name="failure"/> otherwise.</summary>
    public static Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, string failure) =>
        UntilAsync<object>(async () => await done() ? true : null, timeout, () => failure);
}
