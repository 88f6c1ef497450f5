using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model;

namespace SuperKube.Security.Nodes.Tests;

/// <summary>Informers whose events the test raises by hand (always synced, no lister).</summary>
internal sealed class FakeInformers : ISharedInformerFactory
{
    private readonly Dictionary<Type, object> _informers = [];

    public IInformer<T> GetInformer<T>()
        where T : class, IKubernetesObject
    {
        if (!_informers.TryGetValue(typeof(T), out var informer))
        {
            informer = new FakeInformer<T>();
            _informers[typeof(T)] = informer;
        }

        return (IInformer<T>)informer;
    }

    public FakeInformer<T> Of<T>()
        where T : class, IKubernetesObject => (FakeInformer<T>)GetInformer<T>();
}

internal sealed class FakeInformer<T> : IInformer<T>
    where T : class, IKubernetesObject
{
    private readonly List<(Action<T>? Add, Action<T, T>? Update, Action<T>? Delete)> _handlers = [];

    public ApiResource Resource => throw new NotSupportedException();

    public bool HasSynced => true;

    public ILister<T> Lister => throw new NotSupportedException();

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IDisposable AddHandler(Action<T>? onAdd, Action<T, T>? onUpdate, Action<T>? onDelete)
    {
        _handlers.Add((onAdd, onUpdate, onDelete));
        return new Unsubscribe(() => _handlers.Clear());
    }

    public void AddIndexer(string name, Func<T, IEnumerable<string>> index)
    {
    }

    public void Add(T obj) => _handlers.ForEach(h => h.Add?.Invoke(obj));

    public void Update(T old, T obj) => _handlers.ForEach(h => h.Update?.Invoke(old, obj));

    public void Delete(T obj) => _handlers.ForEach(h => h.Delete?.Invoke(obj));

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
