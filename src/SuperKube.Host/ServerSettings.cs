namespace SuperKube.Host;

/// <summary>The settings of <c>superkube server</c>, from flags and environment.</summary>
internal sealed record ServerSettings
{
    public required string DataDir { get; init; }

    public string? DatabaseUrl { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 6443;

    public string NodeName { get; init; } = Environment.MachineName.ToLowerInvariant();

    public string PodCidr { get; init; } = "10.244.0.0/16";

    public string ServiceCidr { get; init; } = "10.96.0.0/12";

    public string NodePortRange { get; init; } = "30000-32767";

    public string Runtime { get; init; } = "auto";

    public int FakeNodes { get; init; }

    public bool NoAgent { get; init; }

    /// <summary>Extra service registrations applied after the built-in ones (tests use it to tune controllers).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The Npgsql connection string when the URL is <c>postgres://</c> or <c>postgresql://</c>, else null (SQLite).</summary>
    public string? PostgresConnectionString() =>
        DatabaseUrl is { Length: > 0 } url && SuperKube.Storage.Postgres.PostgresUrl.IsPostgresUrl(url)
            ? SuperKube.Storage.Postgres.PostgresUrl.ToConnectionString(url)
            : null;

    /// <summary>Serve plain HTTP without authentication or authorization (loopback only).</summary>
    public bool InsecureHttp { get; init; }

    /// <summary>Lease duration on PostgreSQL (<c>--lease-duration</c>); renewals every third, retries every tenth (at most 2 s).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra names and addresses for the serving certificate (<c>--tls-san</c>).</summary>
    public IReadOnlyList<string> TlsSans { get; init; } = [];

    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>Request limits (<c>--max-requests-inflight</c>, <c>--max-mutating-requests-inflight</c>, <c>--max-watches-per-user</c>).</summary>
    public SuperKube.Security.Limits.RequestLimitsOptions Limits { get; init; } = new();

    /// <summary>The audit log (<c>--audit-log-path</c>, <c>--audit-policy-file</c>, <c>--audit-log-maxsize/maxbackup/maxage</c>); off without a path.</summary>
    public SuperKube.Security.Audit.AuditOptions Audit { get; init; } = new();

    /// <summary>The SQLite file: from <c>sqlite://PATH</c>, else <c>DATA_DIR/superkube.db</c>.</summary>
    public string SqlitePath()
    {
        if (DatabaseUrl is { Length: > 0 } url)
        {
            const string prefix = "sqlite://";
            if (!url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("--db-url: expected sqlite://PATH or postgres://user:pass@host:port/db.");
            }

            var path = url[prefix.Length..];
            return path == ":memory:" ? path : Path.GetFullPath(path);
        }

        return Path.Combine(DataDir, "superkube.db");
    }
}
