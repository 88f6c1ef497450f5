using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// Drops fields the resource's schema does not declare (custom resources) and applies <c>fieldValidation</c> to them:
/// Strict answers 400 as the real server does (<c>strict decoding error: unknown field "spec.x"</c>), Warn adds a
/// warning per field, Ignore drops them silently.
/// </summary>
internal static class UnknownFields
{
    public static void Prune(ResourceType type, JsonObject obj, WriteContext context)
    {
        var pruned = type.Strategy.Prune(obj);
        if (pruned.Count == 0)
        {
            return;
        }

        switch (context.FieldValidation)
        {
            case FieldValidation.Strict:
                throw ApiException.BadRequest(
                    $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: strict decoding error: "
                    + string.Join(", ", pruned.Select(p => $"unknown field \"{p}\"")));
            case FieldValidation.Warn:
                context.Warnings.AddRange(pruned.Select(p => $"unknown field \"{p}\""));
                break;
        }
    }
}
