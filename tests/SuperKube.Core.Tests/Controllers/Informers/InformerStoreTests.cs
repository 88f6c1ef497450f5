using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Informers.Tests;

public sealed class InformerStoreTests
{
    [Fact]
    public void Upsert_ChangedIndexValue_MovesObjectBetweenIndexEntries()
    {
        var store = new InformerStore<Pod>();
        store.AddIndexer(InformerIndexes.NodeName, InformerIndexes.ByNodeName);
        store.Upsert(Pod("a", node: "n1"));

        store.Upsert(Pod("a", node: "n2"));

        Assert.Empty(store.ByIndex(InformerIndexes.NodeName, "n1"));
        Assert.Single(store.ByIndex(InformerIndexes.NodeName, "n2"));
    }

    [Fact]
    public void AddIndexer_AfterObjectsWereStored_IndexesThem()
    {
        var store = new InformerStore<Pod>();
        store.Upsert(Pod("a", node: "n1"));

        store.AddIndexer(InformerIndexes.NodeName, InformerIndexes.ByNodeName);

        Assert.Single(store.ByIndex(InformerIndexes.NodeName, "n1"));
    }

    [Fact]
    public void Remove_StoredObject_LeavesNoIndexEntries()
    {
        var store = new InformerStore<Pod>();
        store.Upsert(Pod("a", node: "n1"));

        var removed = store.Remove(Pod("a", node: "n1"));

        Assert.NotNull(removed);
        Assert.Empty(store.List("ns"));
        Assert.Empty(store.List(null));
    }

    [Fact]
    public void ByIndex_UnknownIndex_Throws()
    {
        var store = new InformerStore<Pod>();

        Assert.Throws<ArgumentException>(() => store.ByIndex("nope", "x"));
    }

    private static Pod Pod(string name, string node) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "ns" },
        Spec = new PodSpec { NodeName = node },
    };
}
