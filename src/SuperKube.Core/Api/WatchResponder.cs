using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Api;

/// <summary>
/// Streams a watch as newline-delimited WatchEvents over a chunked response, flushed per batch; honours
/// timeoutSeconds, bookmarks, sendInitialEvents and Table output, and turns selector transitions into
/// ADDED/DELETED as the real server does.
/// </summary>
internal sealed class WatchResponder(TimeProvider time)
{
    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromMinutes(1);

    public async Task StreamAsync(
        HttpContext context,
        ResourceType type,
        CacheWatcher watcher,
        ObjectFilter filter,
        ListOptions options,
        bool asTable,
        TableResponses.IncludeObject include,
        Func<long> currentRevision)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = MediaTypes.Json;
        response.Headers.CacheControl = "no-cache, private";
        var timeout = options.Timeout ?? TimeSpan.FromMinutes(30 + Random.Shared.Next(30));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        var token = deadline.Token;
        var sentColumns = false;
        var lastRevision = 0L;

        byte[] Frame(ChangeType changeType, CachedObject obj, CacheEvent? shared)
        {
            lastRevision = Math.Max(lastRevision, obj.Revision);
            if (!asTable)
            {
                return shared is not null && shared.Type == changeType ? shared.Frame : CacheEvent.BuildFrame(changeType, obj);
            }

            var table = TableResponses.Build(type, [obj], time.GetUtcNow(), include, obj.Revision.ToString(CultureInfo.InvariantCulture), "", !sentColumns);
            sentColumns = true;
            return EventBytes(CacheEvent.TypeName(changeType), table);
        }

        try
        {
            await response.StartAsync(token).ConfigureAwait(false);
            foreach (var obj in watcher.Initial)
            {
                if (filter.Matches(obj))
                {
                    await response.Body.WriteAsync(Frame(ChangeType.Added, obj, null), token).ConfigureAwait(false);
                }
            }

            if (options.SendInitialEvents && options.AllowWatchBookmarks)
            {
                var revision = Math.Max(lastRevision, currentRevision());
                await response.Body.WriteAsync(Bookmark(type, revision, initialEventsEnd: true), token).ConfigureAwait(false);
            }

            await response.Body.FlushAsync(token).ConfigureAwait(false);
            var nextBookmark = time.GetUtcNow() + BookmarkInterval;
            while (true)
            {
                var wait = nextBookmark - time.GetUtcNow();
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(token);
                tick.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                bool more;
                try
                {
                    more = await watcher.Events.WaitToReadAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    if (options.AllowWatchBookmarks)
                    {
                        await response.Body.WriteAsync(Bookmark(type, Math.Max(lastRevision, currentRevision()), false), token).ConfigureAwait(false);
                        await response.Body.FlushAsync(token).ConfigureAwait(false);
                    }

                    nextBookmark = time.GetUtcNow() + BookmarkInterval;
                    continue;
                }

                if (!more)
                {
                    break;
                }

                while (watcher.Events.TryRead(out var e))
                {
                    if (filter.Transition(e) is { } changeType)
                    {
                        await response.Body.WriteAsync(Frame(changeType, e.Object, e), token).ConfigureAwait(false);
                    }
                }

                await response.Body.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout reached or client gone: end the stream cleanly; the client re-watches from its last revision.
        }
    }

    private static byte[] Bookmark(ResourceType type, long revision, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return EventBytes("BOOKMARK", new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata });
    }

    private static byte[] EventBytes(string eventType, JsonObject obj) => WatchFrames.Compose(eventType, JsonBytes.From(obj));
}
