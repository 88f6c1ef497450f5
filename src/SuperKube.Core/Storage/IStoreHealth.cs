namespace SuperKube.Storage;

/// <summary>
/// Implemented by a store whose database can become unreachable (PostgreSQL): <c>/readyz</c> reports its
/// <c>etcd</c> check failed while <see cref="Problem"/> is set. An embedded store (SQLite) does not implement it.
/// </summary>
internal interface IStoreHealth
{
    /// <summary>Why the database is not usable right now, or null while it is.</summary>
    string? Problem { get; }
}
