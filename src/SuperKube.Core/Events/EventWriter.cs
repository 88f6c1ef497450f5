using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Hashing;
using SuperKube.Objects;

namespace SuperKube.Events;

/// <summary>
/// Writes core/v1 Events the way client-go's recorder does: the first occurrence creates an Event named
/// <c>&lt;object&gt;.&lt;hex time&gt;</c>; a repeat of the same reason and message about the same object from the
/// same source bumps that Event's <c>count</c> and <c>lastTimestamp</c> instead of creating another (a lost or
/// expired Event is created anew). Best effort: failures are logged, never thrown.
/// </summary>
internal sealed partial class EventWriter(IKubernetesClient client, EventSource source, TimeProvider time, ILogger logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    /// <summary>Events remembered for counting; the memory is cleared when full, as a cache would evict.</summary>
    private const int MaxRemembered = 4096;

    /// <summary>
    /// Per object (its UID) and 64-bit hash of field path, reason and message: the stamp that named the Event and its
    /// count. No message or name is kept, so a node's memory of its pods' events costs a few dozen bytes each.
    /// </summary>
    private readonly Dictionary<(string Object, ulong What), (long Stamp, int Count)> _seen = [];
    private long _sequence;

    public async Task RecordAsync(InvolvedObject about, string type, string reason, string message, CancellationToken cancellationToken, string? action = null)
    {
        var now = time.GetUtcNow();
        var ns = about.Namespace.Length > 0 ? about.Namespace : "default";
        var (name, count) = Count(about, reason, message, now);
        var stamp = ObjectMetadata.Timestamp(now);
        try
        {
            if (count > 1)
            {
                try
                {
                    var patch = new JsonObject { ["count"] = count, ["lastTimestamp"] = stamp };
                    await client.PatchAsync(ApiResource.Events, ns, name, PatchType.Merge, patch, "", cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ApiException ex) when (ex.Code == 404)
                {
                    // The first write was lost or the event expired: write it anew.
                }
            }

            await client.CreateWithoutResultAsync(ApiResource.Events, ns, Build(about, ns, name, type, reason, message, action, stamp, count), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, reason, about.Kind, about.Namespace, about.Name, ex);
        }
    }

    /// <summary>Forgets the events about an object that is gone.</summary>
    public void Forget(string uid)
    {
        lock (_seen)
        {
            foreach (var key in _seen.Keys.Where(k => k.Object == uid).ToList())
            {
                _seen.Remove(key);
            }
        }
    }

    private (string Name, int Count) Count(InvolvedObject about, string reason, string message, DateTimeOffset now)
    {
        lock (_seen)
        {
            if (_seen.Count >= MaxRemembered)
            {
                _seen.Clear();
            }

            var key = (about.Uid ?? $"{about.Kind}/{about.Namespace}/{about.Name}", Hash(about.FieldPath, reason, message));
            (long Stamp, int Count) next = _seen.TryGetValue(key, out var seen) ? (seen.Stamp, seen.Count + 1) : (now.UtcTicks + ++_sequence, 1);
            _seen[key] = next;
            return ($"{about.Name}.{next.Stamp.ToString("x", CultureInfo.InvariantCulture)}", next.Count);
        }
    }

    /// <summary>FNV-1a (64 bits) over field path, reason and message, each followed by a separator no value holds.</summary>
    private static ulong Hash(string? fieldPath, string reason, string message)
    {
        var hash = Fnv1a.Offset64;
        foreach (var part in (ReadOnlySpan<string?>)[fieldPath, reason, message])
        {
            hash = Fnv1a.Add(Fnv1a.Add(hash, (part ?? "\uffff").AsSpan()), 0xfffeul);
        }

        return hash;
    }

    private JsonObject Build(InvolvedObject about, string ns, string name, string type, string reason, string message, string? action, string stamp, int count)
    {
        var involved = new JsonObject
        {
            ["apiVersion"] = about.ApiVersion,
            ["kind"] = about.Kind,
            ["namespace"] = about.Namespace.Length > 0 ? about.Namespace : null,
            ["name"] = about.Name,
            ["uid"] = about.Uid,
            ["resourceVersion"] = about.ResourceVersion,
        };
        if (about.FieldPath is not null)
        {
            involved["fieldPath"] = about.FieldPath;
        }

        var src = new JsonObject { ["component"] = source.Component };
        if (source.Host is not null)
        {
            src["host"] = source.Host;
        }

        var e = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["involvedObject"] = involved,
            ["reason"] = reason,
            ["message"] = message,
            ["type"] = type,
            ["source"] = src,
            ["firstTimestamp"] = stamp,
            ["lastTimestamp"] = stamp,
            ["count"] = count,
            ["reportingComponent"] = source.Component,
            ["reportingInstance"] = source.ReportingInstance,
        };
        if (action is not null)
        {
            e["action"] = action;
        }

        return e;
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Could not record event {Reason} for {Kind} {Namespace}/{Name}")]
        public static partial void Failed(ILogger logger, string reason, string kind, string @namespace, string name, Exception exception);
    }
}
