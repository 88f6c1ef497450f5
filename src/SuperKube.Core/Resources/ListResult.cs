using SuperKube.WatchCache;

namespace SuperKube.Resources;

/// <summary>One page of a LIST: the items, the revision the list is consistent with, and the continue token.</summary>
internal sealed record ListResult(long Revision, IReadOnlyList<CachedObject> Items, string Continue, long? RemainingItemCount);
