using System.Collections.Frozen;

namespace SuperKube.Registry;

/// <summary>Thread-safe registry: reads take an immutable snapshot, writes swap it.</summary>
internal sealed class ResourceRegistry : IResourceRegistry
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = new([]);

    public ResourceRegistry(IEnumerable<ResourceType> initial)
    {
        foreach (var type in initial)
        {
            Register(type);
        }
    }

    public event EventHandler? Changed;

    public long Generation { get; private set; }

    public IReadOnlyList<ResourceType> All => _snapshot.All;

    public void Register(ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_gate)
        {
            var list = _snapshot.All.ToList();
            var index = list.FindIndex(t => Same(t, type.Group, type.Version, type.Plural));
            if (index >= 0)
            {
                list[index] = type;
            }
            else
            {
                list.Add(type);
            }

            _snapshot = new Snapshot(list);
            Generation++;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    public bool Unregister(string group, string version, string plural)
    {
        lock (_gate)
        {
            var list = _snapshot.All.ToList();
            if (list.RemoveAll(t => Same(t, group, version, plural)) == 0)
            {
                return false;
            }

            _snapshot = new Snapshot(list);
            Generation++;
        }

        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    public ResourceType? Find(string group, string version, string plural) =>
        _snapshot.ByResource.GetValueOrDefault((group, version, plural));

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _snapshot.ByKind.GetValueOrDefault((apiVersion, kind));

    private static bool Same(ResourceType t, string group, string version, string plural) =>
        t.Group == group && t.Version == version && t.Plural == plural;

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ResourceType> all)
        {
            All = all;
            ByResource = all.ToFrozenDictionary(t => (t.Group, t.Version, t.Plural));
            ByKind = all.GroupBy(t => (t.ApiVersion, t.Kind)).ToFrozenDictionary(g => g.Key, g => g.First());
        }

        public IReadOnlyList<ResourceType> All { get; }

        public FrozenDictionary<(string Group, string Version, string Plural), ResourceType> ByResource { get; }

        public FrozenDictionary<(string ApiVersion, string Kind), ResourceType> ByKind { get; }
    }
}
