using System.Text;
using System.Text.Json;
using WriteKind = SuperKube.Storage.Postgres.PostgresWriter.WriteKind;

namespace SuperKube.Storage.Postgres.Tests;

public sealed class PostgresWritePlanTests
{
    private static readonly ObjectKey Stored = new("configmaps", "default", "stored");
    private static readonly ObjectKey Fresh = new("configmaps", "default", "fresh");

    [Fact]
    public void Build_MixedBatch_FailuresConsumeNoRevisionAndSuccessesAreConsecutive()
    {
        var plan = Plan(10, [Stored],
            Op(WriteKind.Create, Fresh),
            Op(WriteKind.Create, Stored),
            Op(WriteKind.Update, Stored, expected: 3),
            Op(WriteKind.Delete, new ObjectKey("configmaps", "default", "missing")),
            new PostgresWriteOp(WriteKind.Create, new ObjectKey("configmaps", "default", "bad"), "not json"u8.ToArray(), null),
            Op(WriteKind.Update, Stored, expected: 5));

        Assert.IsType<ResourceAlreadyExistsException>(plan.Outcomes[1].Error);
        Assert.IsType<ResourceConflictException>(plan.Outcomes[2].Error);
        Assert.IsType<ResourceNotFoundException>(plan.Outcomes[3].Error);
        Assert.IsAssignableFrom<JsonException>(plan.Outcomes[4].Error);
        Assert.Equal([11L, 12L], plan.Changes.Select(c => c.Revision));
        Assert.Equal([ChangeType.Added, ChangeType.Modified], plan.Changes.Select(c => c.Type));
        Assert.Same(plan.Changes[0], plan.Outcomes[0].Change);
        Assert.Same(plan.Changes[1], plan.Outcomes[5].Change);
        Assert.Equal(12, plan.LastRevision);
        Assert.Equal(["11", "12"], plan.Changes.Select(c => ResourceVersion(c.Object)));
        Assert.Equal([(Fresh, 11L), (Stored, 12L)], plan.Upserts.OrderBy(o => o.Revision).Select(o => (o.Key, o.Revision)));
        Assert.Empty(plan.Deletes);
    }

    [Fact]
    public void Build_SameKeyTwiceInABatch_EachOpSeesItsPredecessors()
    {
        var plan = Plan(10, [Stored],
            Op(WriteKind.Delete, Stored, expected: 5),
            Op(WriteKind.Update, Stored),
            Op(WriteKind.Create, Stored),
            Op(WriteKind.Create, Fresh),
            Op(WriteKind.Update, Fresh, expected: 13),
            Op(WriteKind.Delete, Fresh, expected: 14));

        Assert.IsType<ResourceNotFoundException>(plan.Outcomes[1].Error);
        Assert.Equal(
            [(11L, ChangeType.Deleted), (12L, ChangeType.Added), (13L, ChangeType.Added), (14L, ChangeType.Modified), (15L, ChangeType.Deleted)],
            plan.Changes.Select(c => (c.Revision, c.Type)));
        Assert.Equal("""{"metadata":{"name":"stored","resourceVersion":"11"}}""", Encoding.UTF8.GetString(plan.Changes[0].Object.Json.Span));
        Assert.Equal([(Stored, 12L)], plan.Upserts.Select(o => (o.Key, o.Revision)));
        Assert.Empty(plan.Deletes); // fresh never reached the database; stored is back
    }

    [Fact]
    public void Build_DeleteOfAStoredKey_RemovesItsRow()
    {
        var plan = Plan(10, [Stored], Op(WriteKind.Delete, Stored, expected: null));

        Assert.Equal([Stored], plan.Deletes);
        Assert.Empty(plan.Upserts);
        Assert.Equal(11, plan.LastRevision);
    }

    [Fact]
    public void Build_EveryOpFails_LeavesTheCounterAlone()
    {
        var plan = Plan(10, [], Op(WriteKind.Update, Fresh), Op(WriteKind.Delete, Fresh));

        Assert.Empty(plan.Changes);
        Assert.Equal(10, plan.LastRevision);
        Assert.All(plan.Outcomes, o => Assert.IsType<ResourceNotFoundException>(o.Error));
    }

    [Fact]
    public void KeysToRead_DistinctKeys_AskForJsonOnlyWhereADeleteNeedsIt()
    {
        var keys = PostgresWritePlan.KeysToRead([Op(WriteKind.Update, Stored), Op(WriteKind.Create, Fresh), Op(WriteKind.Delete, Stored)]);

        Assert.Equal([(Stored, true), (Fresh, false)], keys);
    }

    private static PostgresWritePlan Plan(long revision, ObjectKey[] stored, params PostgresWriteOp[] ops) =>
        PostgresWritePlan.Build(revision, ops, stored.ToDictionary(k => k, k => new StoredObject(k, 5, Json(k.Name, 5))));

    private static PostgresWriteOp Op(WriteKind kind, ObjectKey key, long? expected = null) =>
        new(kind, key, kind == WriteKind.Delete ? ReadOnlyMemory<byte>.Empty : Json(key.Name, null), expected);

    private static byte[] Json(string name, long? revision) => Encoding.UTF8.GetBytes(revision is { } r
        ? $$$"""{"metadata":{"name":"{{{name}}}","resourceVersion":"{{{r}}}"}}"""
        : $$$"""{"metadata":{"name":"{{{name}}}"}}""");

    private static string ResourceVersion(StoredObject stored) =>
        JsonDocument.Parse(stored.Json).RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
}
