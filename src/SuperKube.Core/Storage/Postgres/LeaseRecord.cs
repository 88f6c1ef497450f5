namespace SuperKube.Storage.Postgres;

/// <summary>A lease row as the database stamped it (database clock), after an acquire or a renewal.</summary>
/// <param name="AcquireTime">When the current holder took the lease.</param>
/// <param name="RenewTime">When the holder last renewed it.</param>
/// <param name="Transitions">How many times the lease changed holders.</param>
/// <param name="OverShare">True when the holder holds more leases than its fair share (renewals only).</param>
internal sealed record LeaseRecord(DateTimeOffset AcquireTime, DateTimeOffset RenewTime, int Transitions, bool OverShare);
