namespace SuperKube.Controllers;

/// <summary>A held lease; dispose it to release. <see cref="Lost"/> fires when another holder took it over.</summary>
public interface ILease : IAsyncDisposable
{
    /// <summary>The lease name.</summary>
    string Name { get; }

    /// <summary>Cancelled when the lease is lost; the controller then stops and tries to acquire it again.</summary>
    CancellationToken Lost { get; }
}
