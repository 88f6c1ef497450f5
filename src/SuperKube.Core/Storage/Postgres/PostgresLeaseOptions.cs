namespace SuperKube.Storage.Postgres;

/// <summary>
/// Leases of the servers sharing one PostgreSQL database: one per controller and one for the scheduler, so each loop
/// runs on exactly one server. Expiry is judged by the database clock; a holder stops the loop <see cref="FenceMargin"/>
/// before its own monotonic clock says the lease may have ended without a successful renewal.
/// </summary>
public sealed class PostgresLeaseOptions
{
    /// <summary>
    /// How long a lease lasts after each acquisition or renewal (also how long a stopped server keeps its leases and its
    /// place among the live servers). Whole seconds, at least 1. Default: 30 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a holder renews each lease, and a server its own record; below <see cref="LeaseDuration"/> less
    /// <see cref="FenceMargin"/>. Default: 10 seconds.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long before the end of its lease, by its own clock, a holder that could not renew stops the loop: a tenth of
    /// <see cref="LeaseDuration"/> (3 seconds by default), so a late timer or a loaded machine cannot keep it running
    /// after the database let another server take the lease.
    /// </summary>
    public TimeSpan FenceMargin => LeaseDuration / 10;

    /// <summary>How often a server tries again to take a lease another server holds, or to renew after an error. Default: 2 seconds.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// This server's holder identity, shown as the Lease objects' <c>spec.holderIdentity</c>. Default: empty, meaning
    /// the host name and a random suffix chosen at start (unique per process, as kube-controller-manager does).
    /// </summary>
    public string Identity { get; set; } = "";
}
