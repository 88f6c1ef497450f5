using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SuperKube.Api;

namespace SuperKube.Security.Limits;

/// <summary>
/// Admits requests within <see cref="RequestLimitsOptions"/>: a slot per read-only or mutating request in flight, a
/// count of open watches per user. A full limit answers 429 TooManyRequests with <c>Retry-After: 1</c>, except to
/// members of <c>system:masters</c>, who are served anyway (as kube-apiserver's in-flight filter does).
/// </summary>
internal sealed class RequestLimiter(IOptions<RequestLimitsOptions> options)
{
    private const string Privileged = "system:masters";
    private static readonly HashSet<string> LongRunningSubresources = ["attach", "exec", "proxy", "log", "portforward"];

    private readonly RequestLimitsOptions _limits = options.Value;
    private readonly ConcurrentDictionary<string, int> _watches = new(StringComparer.Ordinal);
    private int _readOnly;
    private int _mutating;
    private long _rejected;

    /// <summary>Read-only requests holding a slot now.</summary>
    public int ReadOnlyInFlight => Volatile.Read(ref _readOnly);

    /// <summary>Mutating requests holding a slot now.</summary>
    public int MutatingInFlight => Volatile.Read(ref _mutating);

    /// <summary>Requests turned away with 429 since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The kind of a request; <paramref name="info"/> is null for non-resource paths such as discovery.</summary>
    public static RequestKind Classify(HttpRequest request, RequestInfo? info)
    {
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (info is not null && reads && (info.WatchPath || QueryOptions.IsWatch(request.Query)))
        {
            return RequestKind.Watch;
        }

        if (info is not null && LongRunningSubresources.Contains(info.Subresource))
        {
            return RequestKind.LongRunning;
        }

        return reads ? RequestKind.ReadOnly : RequestKind.Mutating;
    }

    /// <summary>Takes what the request counts against, or throws the 429. Dispose the lease when the request ends.</summary>
    public Lease Admit(UserInfo user, RequestKind kind) => kind switch
    {
        RequestKind.ReadOnly => TakeSlot(ref _readOnly, _limits.MaxRequestsInFlight, user, kind),
        RequestKind.Mutating => TakeSlot(ref _mutating, _limits.MaxMutatingRequestsInFlight, user, kind),
        RequestKind.Watch => TakeWatch(user),
        _ => default,
    };

    private Lease TakeSlot(ref int counter, int limit, UserInfo user, RequestKind kind)
    {
        if (limit == 0)
        {
            return default;
        }

        if (Interlocked.Increment(ref counter) <= limit)
        {
            return new Lease(this, kind, "");
        }

        Interlocked.Decrement(ref counter);
        return user.Groups.Contains(Privileged) ? default : throw TooManyRequests("Too many requests, please try again later.");
    }

    private Lease TakeWatch(UserInfo user)
    {
        var limit = _limits.MaxWatchesPerUser;
        if (limit == 0 || user.Groups.Contains(Privileged))
        {
            return default;
        }

        if (_watches.AddOrUpdate(user.Name, 1, (_, open) => open + 1) <= limit)
        {
            return new Lease(this, RequestKind.Watch, user.Name);
        }

        ReleaseWatch(user.Name);
        throw TooManyRequests($"Too many watches open for user \"{user.Name}\" (limit {limit}), please try again later.");
    }

    private void Release(RequestKind kind, string user)
    {
        switch (kind)
        {
            case RequestKind.ReadOnly:
                Interlocked.Decrement(ref _readOnly);
                break;
            case RequestKind.Mutating:
                Interlocked.Decrement(ref _mutating);
                break;
            case RequestKind.Watch:
                ReleaseWatch(user);
                break;
        }
    }

    private void ReleaseWatch(string user)
    {
        _watches.AddOrUpdate(user, 0, (_, open) => open - 1);
        _watches.TryRemove(new KeyValuePair<string, int>(user, 0));
    }

    private ApiException TooManyRequests(string message)
    {
        Interlocked.Increment(ref _rejected);
        return new(429, "TooManyRequests", message, new JsonObject { ["retryAfterSeconds"] = 1 })
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        };
    }

    /// <summary>What an admitted request holds; disposing it gives it back (the default lease holds nothing).</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly RequestLimiter? _owner;
        private readonly RequestKind _kind;
        private readonly string _user;

        internal Lease(RequestLimiter owner, RequestKind kind, string user) => (_owner, _kind, _user) = (owner, kind, user);

        public void Dispose() => _owner?.Release(_kind, _user);
    }
}
