using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Api;

namespace SuperKube.Apply;

/// <summary>The 409 of a server-side apply that would take fields from other managers without <c>force=true</c>.</summary>
internal static class ApplyConflictError
{
    public static ApiException Create(IReadOnlyList<FieldConflict> conflicts)
    {
        var ordered = conflicts
            .OrderBy(c => c.Owner.Manager, StringComparer.Ordinal)
            .ThenBy(c => c.Owner.Operation, StringComparer.Ordinal)
            .ThenBy(c => c.Owner.ApiVersion, StringComparer.Ordinal)
            .ThenBy(c => c.Owner.Subresource, StringComparer.Ordinal)
            .ToList();
        var causes = new JsonArray();
        foreach (var conflict in ordered)
        {
            causes.Add(new JsonObject
            {
                ["reason"] = "FieldManagerConflict",
                ["message"] = $"conflict with {conflict.Owner.Describe()}",
                ["field"] = conflict.Field,
            });
        }

        return new ApiException(409, "Conflict", Message(ordered), new JsonObject { ["causes"] = causes });
    }

    private static string Message(List<FieldConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].Field}";
        }

        var lines = new List<string>();
        foreach (var group in conflicts.GroupBy(c => c.Owner.Describe(), StringComparer.Ordinal))
        {
            lines.Add($"conflicts with {group.Key}:");
            lines.AddRange(group.Select(c => $"- {c.Field}"));
        }

        return new StringBuilder("Apply failed with ")
            .Append(conflicts.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" conflicts: ")
            .AppendJoin('\n', lines)
            .ToString();
    }
}
