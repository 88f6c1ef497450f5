using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>The lease and server-record statements. Each is one statement judged by the database clock, now().</summary>
internal static partial class PostgresQueries
{
    /// <summary>
    /// How many leases a server may hold before it stops taking free ones at once: ceil(lease rows / live servers),
    /// computed inside the statements that use it.
    /// </summary>
    private const string FairShare =
        "(SELECT ceil(count(*)::numeric / greatest(1, (SELECT count(*) FROM servers WHERE expire_time > now()))) FROM leases)";

    private const string HeldByMe = "(SELECT count(*) FROM leases WHERE holder = @holder AND expire_time > now())";

    /// <summary>
    /// Takes the lease when it is free (or does not exist yet), in one UPSERT. A server already holding its fair share
    /// takes a free lease only once it has stayed free for another <paramref name="duration"/>, which leaves it to
    /// servers below their share first. Null when the lease stays with another holder (or this server must wait).
    /// </summary>
    public static async Task<LeaseRecord?> TryAcquireLeaseAsync(
        NpgsqlConnection connection, string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(
            Command(connection,
                $"""
                INSERT INTO leases AS l (name, holder, acquire_time, renew_time, expire_time, transitions)
                VALUES (@name, @holder, now(), now(), now() + @duration, 0)
                ON CONFLICT (name) DO UPDATE SET
                    holder = excluded.holder, acquire_time = now(), renew_time = now(), expire_time = excluded.expire_time,
                    transitions = l.transitions + CASE WHEN l.holder = excluded.holder THEN 0 ELSE 1 END
                WHERE l.expire_time <= now() - CASE WHEN {HeldByMe} >= {FairShare} THEN @duration ELSE interval '0' END
                RETURNING acquire_time, renew_time, transitions, false;
                """,
                ("name", name), ("holder", holder), ("duration", duration)),
            ReadLease, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Extends the lease by <paramref name="duration"/> from now() if <paramref name="holder"/> still holds it; null when
    /// another server took it. <see cref="LeaseRecord.OverShare"/> tells whether this server holds more than its share.
    /// </summary>
    public static async Task<LeaseRecord?> RenewLeaseAsync(
        NpgsqlConnection connection, string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(
            Command(connection,
                $"""
                UPDATE leases SET renew_time = now(), expire_time = now() + @duration
                WHERE name = @name AND holder = @holder
                RETURNING acquire_time, renew_time, transitions, {HeldByMe} > {FairShare};
                """,
                ("name", name), ("holder", holder), ("duration", duration)),
            ReadLease, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Ends the lease now if <paramref name="holder"/> holds it, so another server can take it at once.</summary>
    public static Task ReleaseLeaseAsync(NpgsqlConnection connection, string name, string holder, CancellationToken cancellationToken) =>
        ExecuteAsync(
            Command(connection,
                "UPDATE leases SET expire_time = now() WHERE name = @name AND holder = @holder AND expire_time > now();",
                ("name", name), ("holder", holder)),
            cancellationToken);

    /// <summary>Records (or extends) this server's row for <paramref name="duration"/> and forgets rows expired long ago.</summary>
    public static Task RenewServerAsync(
        NpgsqlConnection connection, string identity, string address, TimeSpan duration, CancellationToken cancellationToken) =>
        ExecuteAsync(
            Command(connection,
                """
                INSERT INTO servers (identity, address, expire_time) VALUES (@identity, @address, now() + @duration)
                ON CONFLICT (identity) DO UPDATE SET address = excluded.address, expire_time = excluded.expire_time;
                DELETE FROM servers WHERE expire_time < now() - interval '1 hour';
                """,
                ("identity", identity), ("address", address), ("duration", duration)),
            cancellationToken);

    /// <summary>Removes this server's row (on a clean stop), so it leaves the live set at once.</summary>
    public static Task RemoveServerAsync(NpgsqlConnection connection, string identity, CancellationToken cancellationToken) =>
        ExecuteAsync(Command(connection, "DELETE FROM servers WHERE identity = @identity;", ("identity", identity)), cancellationToken);

    /// <summary>The addresses of the servers whose rows have not expired, sorted.</summary>
    public static Task<List<string>> ListLiveServerAddressesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReadAllAsync(
            Command(connection, "SELECT address FROM servers WHERE expire_time > now() AND address <> '' ORDER BY address;"),
            r => r.GetString(0), cancellationToken);

    private static LeaseRecord ReadLease(NpgsqlDataReader reader) =>
        new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2), reader.GetBoolean(3));
}
