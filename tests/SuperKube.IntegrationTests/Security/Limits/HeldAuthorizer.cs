using SuperKube.Security;

namespace SuperKube.IntegrationTests.Security.Limits;

/// <summary>
/// Authorizes like <paramref name="inner"/>, but holds every request of a user whose name starts with <c>held-</c>
/// until <see cref="ReleaseAll"/>: a request that is certainly in flight, without timing.
/// </summary>
internal sealed class HeldAuthorizer(IAuthorizer inner) : IAuthorizer
{
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Requests waiting now.</summary>
    public int Held => Volatile.Read(ref _held);

    public async ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        if (attributes.User.Name.StartsWith("held-", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        return await inner.AuthorizeAsync(attributes, cancellationToken);
    }

    /// <summary>Lets the held requests go on; later ones are held again.</summary>
    public void ReleaseAll() => Interlocked.Exchange(ref _release, new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
}
