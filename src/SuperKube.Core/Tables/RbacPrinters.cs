using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The table of role bindings and cluster role bindings (roles use <see cref="DefaultTable.CreatedAt"/>).</summary>
internal static class RbacPrinters
{
    /// <summary>Name, Role, Age; wide: Users, Groups, ServiceAccounts.</summary>
    public static readonly TableDefinition Bindings = new(
        [
            TableColumns.Name,
            TableColumns.Text("Role", "Role granted by the binding, as kind/name."),
            TableColumns.Age,
            TableColumns.Text("Users", "Users the binding applies to.", 1),
            TableColumns.Text("Groups", "Groups the binding applies to.", 1),
            TableColumns.Text("ServiceAccounts", "Service accounts the binding applies to, as namespace:name.", 1),
        ],
        static (binding, now) =>
        {
            var subjects = ObjectList(binding, "subjects");
            return [
                ObjectCells.Name(binding),
                $"{Text(binding, "roleRef", "kind")}/{Text(binding, "roleRef", "name")}",
                ObjectCells.Age(binding, now),
                Subjects(subjects, "User", s => Text(s, "name")),
                Subjects(subjects, "Group", s => Text(s, "name")),
                Subjects(subjects, "ServiceAccount", s => $"{Text(s, "namespace")}:{Text(s, "name")}"),
            ];
        });

    private static string Subjects(IReadOnlyList<JsonObject> subjects, string kind, Func<JsonObject, string> format) =>
        string.Join(", ", subjects.Where(s => Str(s, "kind") == kind).Select(format));
}
