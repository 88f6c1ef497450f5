using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using SuperKube.Client;
using SuperKube.Resources;

namespace SuperKube.Controllers.Informers.Tests;

/// <summary>
/// A client whose LIST answers and WATCH streams are scripted in order; records the calls. A watch script is a channel:
/// complete it to end the stream, or complete it with an exception to fail it.
/// </summary>
internal sealed class ScriptedKubernetesClient : IKubernetesClient
{
    private readonly Queue<ObjectList> _lists = new();
    private readonly Queue<Channel<WatchEvent>> _watches = new();
    private readonly Channel<string> _calls = Channel.CreateUnbounded<string>();

    public List<string> Calls { get; } = [];

    public void EnqueueList(string resourceVersion, params JsonObject[] items) => _lists.Enqueue(new ObjectList(resourceVersion, items));

    public Channel<WatchEvent> EnqueueWatch()
    {
        var channel = Channel.CreateUnbounded<WatchEvent>();
        _watches.Enqueue(channel);
        return channel;
    }

    /// <summary>Waits until a call with this text was made.</summary>
    public async Task WaitForCallAsync(string call, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            if (Calls.Contains(call))
            {
                return;
            }
        }

        await foreach (var made in _calls.Reader.ReadAllAsync(cancellationToken))
        {
            if (made == call)
            {
                return;
            }
        }
    }

    public Task<ObjectList> ListAsync(ApiResource resource, string? ns, ListOptions? options, CancellationToken cancellationToken)
    {
        Record("list");
        return Task.FromResult(_lists.Dequeue());
    }

    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ApiResource resource, string? ns, ListOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = _watches.Dequeue();
        Record("watch " + options?.ResourceVersion);
        await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    public IKubernetesClient WithFieldManager(string fieldManager) => this;

    public Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JsonObject> CreateAsync(ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JsonObject> UpdateAsync(ApiResource resource, string? ns, JsonObject obj, string subresource, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<JsonObject> PatchAsync(
        ApiResource resource, string? ns, string name, PatchType type, JsonNode patch, string subresource, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<JsonObject> CreateSubresourceAsync(
        ApiResource resource, string? ns, string name, string subresource, JsonObject body, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<bool> DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private void Record(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        _calls.Writer.TryWrite(call);
    }
}
