using System.Text.Json.Nodes;

namespace SuperKube.Client;

/// <summary>The items of a LIST and the resourceVersion to watch from.</summary>
public sealed record ObjectList(string ResourceVersion, IReadOnlyList<JsonObject> Items, string Continue = "");
