using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Security;

namespace SuperKube.Admission;

/// <summary>One write as admission plugins see it. Mutating plugins may change <see cref="Object"/> in place.</summary>
public sealed class AdmissionRequest
{
    public required AdmissionOperation Operation { get; init; }

    public required ResourceType Resource { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public string Subresource { get; init; } = "";

    /// <summary>The new object (null for deletes).</summary>
    public JsonObject? Object { get; init; }

    /// <summary>The stored object for updates and deletes.</summary>
    public JsonObject? OldObject { get; init; }

    public required UserInfo User { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Warnings for the client, returned as <c>Warning</c> headers (kubectl prints them); plugins add to it.</summary>
    public IList<string> Warnings { get; init; } = [];
}
