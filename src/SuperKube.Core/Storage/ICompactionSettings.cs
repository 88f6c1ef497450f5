namespace SuperKube.Storage;

/// <summary>How <see cref="CompactionService"/> trims the change log; each backend's options supply it.</summary>
internal interface ICompactionSettings
{
    /// <summary>How often old change-log entries are compacted.</summary>
    TimeSpan CompactionInterval { get; }

    /// <summary>How many of the newest revisions compaction keeps watchable.</summary>
    long RetainedRevisions { get; }
}
