using SuperKube.Storage;

namespace SuperKube.WatchCache;

/// <summary>
/// A change as the watch cache hands it to watchers. The watch frame (<c>{"type":...,"object":...}\n</c>) is
/// serialised at most once and the same bytes go to every watcher.
/// </summary>
internal sealed class CacheEvent
{
    private byte[]? _frame;

    public CacheEvent(ChangeType type, CachedObject obj, CachedObject? previous)
    {
        Type = type;
        Object = obj;
        Previous = previous;
    }

    public ChangeType Type { get; }

    public CachedObject Object { get; }

    /// <summary>The state before the change (null for additions), for selector transitions.</summary>
    public CachedObject? Previous { get; }

    public long Revision => Object.Revision;

    /// <summary>The watch event name: ADDED, MODIFIED or DELETED.</summary>
    public static string TypeName(ChangeType type) => type switch
    {
        ChangeType.Added => "ADDED",
        ChangeType.Modified => "MODIFIED",
        _ => "DELETED",
    };

    /// <summary>The JSON watch frame for this event, with its own type, built once.</summary>
    public byte[] Frame => _frame ??= BuildFrame(Type, Object);

    /// <summary>Builds a frame of another type for the same object (selector transitions).</summary>
    public static byte[] BuildFrame(ChangeType type, CachedObject obj) => WatchFrames.Compose(TypeName(type), obj.Json.Span);
}
