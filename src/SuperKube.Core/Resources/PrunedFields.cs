using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// Drops fields the resource's schema does not declare (custom resources) and reports them per
/// <c>fieldValidation</c>, worded as the real server's strict decoding: <c>unknown field "spec.x"</c>.
/// </summary>
internal static class PrunedFields
{
    public static void Prune(ResourceType type, JsonObject obj, WriteContext context)
    {
        var pruned = type.Strategy.Prune(obj);
        StrictFields.Enforce([.. pruned.Select(p => $"unknown field \"{p}\"")], context, StrictFields.DecodeError(type));
    }
}
