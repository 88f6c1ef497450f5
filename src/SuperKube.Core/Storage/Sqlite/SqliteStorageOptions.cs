namespace SuperKube.Storage.Sqlite;

/// <summary>Settings of the SQLite storage backend.</summary>
public sealed class SqliteStorageOptions : ICompactionSettings
{
    /// <summary>The literal path that selects a private in-memory database (tests, throwaway clusters).</summary>
    public const string InMemory = ":memory:";

    /// <summary>
    /// Database file path, relative to the working directory unless rooted; <c>:memory:</c> keeps the database in
    /// memory for the store's lifetime. Default: <c>superkube.db</c>.
    /// </summary>
    public string Path { get; set; } = "superkube.db";

    /// <summary>How often old change-log entries are compacted. Default: 1 minute.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the newest revisions compaction keeps watchable. Default: 100 000.</summary>
    public long RetainedRevisions { get; set; } = 100_000;

    /// <summary>The most write requests committed together in one transaction (group commit). Default: 512.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
