using System.Text.Json.Nodes;

namespace SuperKube.Client;

/// <summary>One watch event: ADDED, MODIFIED, DELETED (or BOOKMARK from remote servers) and the object.</summary>
public sealed record WatchEvent(string Type, JsonObject Object);
