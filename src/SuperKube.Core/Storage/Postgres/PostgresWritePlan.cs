namespace SuperKube.Storage.Postgres;

/// <summary>One create, update or delete as the writer received it.</summary>
internal sealed record PostgresWriteOp(PostgresWriter.WriteKind Kind, ObjectKey Key, ReadOnlyMemory<byte> Json, long? ExpectedRevision);

/// <summary>
/// What one batch of writes does, worked out in memory from the stored state of the keys it touches (read while the
/// transaction holds the revision-counter lock, so no other writer can change them before it commits). Ops are judged
/// one after another in batch order, each against the state its predecessors left (a create then an update of the
/// same name in one batch works); each failing op gets its own exception (already exists, not found, conflict,
/// malformed JSON) and changes nothing, and the ops that succeed get consecutive revisions after the counter. The
/// database then needs only the outcome: the final rows of the touched keys and the change-log rows, written in a few
/// multi-row statements.
/// </summary>
internal sealed class PostgresWritePlan
{
    private PostgresWritePlan(long lastRevision, Outcome[] outcomes, List<StoredChange> changes, List<StoredObject> upserts, List<ObjectKey> deletes)
    {
        LastRevision = lastRevision;
        Outcomes = outcomes;
        Changes = changes;
        Upserts = upserts;
        Deletes = deletes;
    }

    /// <summary>The revision counter after the batch (unchanged when no op succeeds).</summary>
    public long LastRevision { get; }

    /// <summary>Per op, in batch order: its change, or why it failed.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>The change-log rows, consecutive revisions in batch order.</summary>
    public IReadOnlyList<StoredChange> Changes { get; }

    /// <summary>Keys whose row must hold this revision and value after the batch (inserted or overwritten).</summary>
    public IReadOnlyList<StoredObject> Upserts { get; }

    /// <summary>Keys stored before the batch and absent after it.</summary>
    public IReadOnlyList<ObjectKey> Deletes { get; }

    /// <summary>The distinct keys of the ops, each with whether its stored JSON is needed (a delete stamps the last state).</summary>
    public static List<(ObjectKey Key, bool WithValue)> KeysToRead(IEnumerable<PostgresWriteOp> ops)
    {
        var keys = new Dictionary<ObjectKey, bool>();
        foreach (var op in ops)
        {
            keys[op.Key] = keys.GetValueOrDefault(op.Key) || op.Kind == PostgresWriter.WriteKind.Delete;
        }

        return [.. keys.Select(k => (k.Key, k.Value))];
    }

    /// <summary>
    /// Plans <paramref name="ops"/> after <paramref name="currentRevision"/>. <paramref name="stored"/> holds the stored
    /// rows of the ops' keys (absent keys missing), with JSON at least for the keys that a delete touches.
    /// </summary>
    public static PostgresWritePlan Build(long currentRevision, IReadOnlyList<PostgresWriteOp> ops, IReadOnlyDictionary<ObjectKey, StoredObject> stored)
    {
        var revision = currentRevision;
        var outcomes = new Outcome[ops.Count];
        var changes = new List<StoredChange>(ops.Count);
        var state = new Dictionary<ObjectKey, StoredObject?>();
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            var current = state.TryGetValue(op.Key, out var known) ? known : stored.GetValueOrDefault(op.Key);
            try
            {
                var change = Apply(op, current, revision + 1);
                state[op.Key] = change.Type == ChangeType.Deleted ? null : change.Object;
                changes.Add(change);
                revision = change.Revision;
                outcomes[i] = new Outcome(change, null);
            }
            catch (Exception ex) when (ex is ResourceAlreadyExistsException or ResourceNotFoundException or ResourceConflictException or System.Text.Json.JsonException)
            {
                outcomes[i] = new Outcome(null, ex);
            }
        }

        var upserts = state.Values.OfType<StoredObject>().ToList();
        var deletes = state.Where(s => s.Value is null && stored.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        return new PostgresWritePlan(revision, outcomes, changes, upserts, deletes);
    }

    private static StoredChange Apply(PostgresWriteOp op, StoredObject? current, long revision)
    {
        var key = op.Key;
        switch (op.Kind)
        {
            case PostgresWriter.WriteKind.Create:
                if (current is not null)
                {
                    throw new ResourceAlreadyExistsException(key);
                }

                return Change(revision, ChangeType.Added, key, ResourceVersionStamp.Stamp(op.Json.Span, revision));

            case PostgresWriter.WriteKind.Update:
                CheckPrecondition(key, op.ExpectedRevision, current);
                return Change(revision, ChangeType.Modified, key, ResourceVersionStamp.Stamp(op.Json.Span, revision));

            default:
                CheckPrecondition(key, op.ExpectedRevision, current);
                return Change(revision, ChangeType.Deleted, key, ResourceVersionStamp.Stamp(current.Json.Span, revision));
        }
    }

    private static StoredChange Change(long revision, ChangeType type, ObjectKey key, byte[] value) =>
        new(revision, type, new StoredObject(key, revision, value));

    private static void CheckPrecondition(ObjectKey key, long? expectedRevision, [System.Diagnostics.CodeAnalysis.NotNull] StoredObject? current)
    {
        if (current is null)
        {
            throw new ResourceNotFoundException(key);
        }

        if (expectedRevision is { } expected && expected != current.Revision)
        {
            throw new ResourceConflictException(key, expected, current.Revision);
        }
    }

    /// <summary>One op's result: its change when it succeeds, otherwise the reason it failed.</summary>
    internal readonly record struct Outcome(StoredChange? Change, Exception? Error);
}
