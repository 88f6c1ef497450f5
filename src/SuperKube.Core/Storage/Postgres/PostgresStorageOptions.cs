namespace SuperKube.Storage.Postgres;

/// <summary>Settings of the PostgreSQL storage backend.</summary>
public sealed class PostgresStorageOptions : ICompactionSettings
{
    /// <summary>
    /// The Npgsql connection string (host, port, database, credentials, pooling and TLS settings). Required;
    /// <see cref="PostgresUrl.ToConnectionString"/> converts a <c>postgres://</c> URL.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How often old change-log entries are compacted (by one server at a time). Default: 1 minute.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the newest revisions compaction keeps watchable. Default: 100 000.</summary>
    public long RetainedRevisions { get; set; } = 100_000;

    /// <summary>The most write requests committed together in one transaction (group commit). Default: 256.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How often the change log is read for other servers' writes even without a notification, so a lost
    /// notification delays an event by at most this long. Default: 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
