using System.Collections.Concurrent;
using System.Net;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// The endpoints one proxied port forwards to, chosen round-robin, or sticky per client IP with session affinity.
/// <see cref="Update"/> swaps the set atomically: connections already made keep their endpoint, new ones see the new
/// set at once; affinity entries survive updates as long as their endpoint is still in the set.
/// </summary>
internal sealed class ProxyBackends(TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, Affinity> _affinity = new();
    private State _state = new([], null);
    private uint _next;

    /// <summary>The current endpoints.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => Volatile.Read(ref _state).Endpoints;

    /// <summary>Replaces the endpoints and the affinity timeout (null: round-robin only); false when nothing changed.</summary>
    public bool Update(IReadOnlyList<IPEndPoint> endpoints, TimeSpan? affinityTimeout)
    {
        var current = Volatile.Read(ref _state);
        if (current.AffinityTimeout == affinityTimeout && current.Endpoints.SequenceEqual(endpoints))
        {
            return false;
        }

        Volatile.Write(ref _state, new State([.. endpoints], affinityTimeout));
        if (affinityTimeout is null)
        {
            _affinity.Clear();
        }

        return true;
    }

    /// <summary>
    /// The endpoint for a new connection from <paramref name="client"/>, skipping <paramref name="failed"/> (endpoints
    /// that refused this connection already); null when none is left.
    /// </summary>
    public IPEndPoint? Pick(IPAddress client, IReadOnlyCollection<IPEndPoint>? failed = null)
    {
        var state = Volatile.Read(ref _state);
        var endpoints = state.Endpoints;
        if (endpoints.Length == 0)
        {
            return null;
        }

        var now = time.GetTimestamp();
        if (state.AffinityTimeout is { } timeout && _affinity.TryGetValue(client, out var sticky)
            && time.GetElapsedTime(sticky.LastUsed, now) < timeout && Array.IndexOf(endpoints, sticky.Endpoint) >= 0
            && failed?.Contains(sticky.Endpoint) != true)
        {
            _affinity[client] = sticky with { LastUsed = now };
            return sticky.Endpoint;
        }

        for (var i = 0; i < endpoints.Length; i++)
        {
            var candidate = endpoints[(int)(Interlocked.Increment(ref _next) % (uint)endpoints.Length)];
            if (failed?.Contains(candidate) != true)
            {
                if (state.AffinityTimeout is { } stickFor)
                {
                    ForgetExpired(stickFor, now);
                    _affinity[client] = new Affinity(candidate, now);
                }

                return candidate;
            }
        }

        return null;
    }

    /// <summary>Keeps the affinity table bounded: past a few thousand clients, expired entries are dropped.</summary>
    private void ForgetExpired(TimeSpan timeout, long now)
    {
        if (_affinity.Count < 4096)
        {
            return;
        }

        foreach (var (client, entry) in _affinity)
        {
            if (time.GetElapsedTime(entry.LastUsed, now) >= timeout)
            {
                _affinity.TryRemove(client, out _);
            }
        }
    }

    private sealed record State(IPEndPoint[] Endpoints, TimeSpan? AffinityTimeout);

    private sealed record Affinity(IPEndPoint Endpoint, long LastUsed);
}
