namespace SuperKube.Bootstrap;

/// <summary>
/// The live API servers of a cluster whose servers share one database, as the <c>kubernetes</c> Service's endpoints
/// list them (kube-apiserver's "lease" endpoint reconciler). Without one (a single server) the endpoints name only
/// this server.
/// </summary>
internal interface IApiServerAddresses
{
    /// <summary>How often the endpoints are brought up to date with <see cref="ListAsync"/>.</summary>
    TimeSpan RefreshInterval { get; }

    /// <summary>Address and port of every server whose record has not expired.</summary>
    Task<IReadOnlyList<(string Address, int Port)>> ListAsync(CancellationToken cancellationToken);
}
