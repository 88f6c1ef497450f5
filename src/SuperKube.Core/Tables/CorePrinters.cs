using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of the simple core/v1 resources, and of leases.</summary>
internal static class CorePrinters
{
    /// <summary>Name, Data, Age.</summary>
    public static readonly TableDefinition ConfigMaps = new(
        [TableColumns.Name, TableColumns.Text("Data", "Number of keys in data and binaryData."), TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), Count(obj, "data") + Count(obj, "binaryData"), ObjectCells.Age(obj, now)]);

    /// <summary>Name, Type, Data, Age.</summary>
    public static readonly TableDefinition Secrets = new(
        [
            TableColumns.Name,
            TableColumns.Text("Type", "Kind of secret, which decides the keys it holds."),
            TableColumns.Text("Data", "Number of keys in data."),
            TableColumns.Age,
        ],
        static (obj, now) => [ObjectCells.Name(obj), Text(obj, "type"), Count(obj, "data"), ObjectCells.Age(obj, now)]);

    /// <summary>Name, Secrets, Age.</summary>
    public static readonly TableDefinition ServiceAccounts = new(
        [TableColumns.Name, TableColumns.Text("Secrets", "Number of secrets listed on the service account."), TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), Count(obj, "secrets"), ObjectCells.Age(obj, now)]);

    /// <summary>Name, Status, Age.</summary>
    public static readonly TableDefinition Namespaces = new(
        [TableColumns.Name, TableColumns.Text("Status", "Phase of the namespace: Active or Terminating."), TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), Text(obj, "status", "phase"), ObjectCells.Age(obj, now)]);

    /// <summary>Name, Request, Limit, Age.</summary>
    public static readonly TableDefinition ResourceQuotas = new(
        [
            TableColumns.Name,
            TableColumns.Text("Request", "Used and hard amounts of each quota resource other than limits.*."),
            TableColumns.Text("Limit", "Used and hard amounts of each limits.* quota resource."),
            TableColumns.Age,
        ],
        static (obj, now) =>
        {
            var (requests, limits) = QuotaUsage(obj);
            return [ObjectCells.Name(obj), requests, limits, ObjectCells.Age(obj, now)];
        });

    /// <summary>Name, Holder, Age.</summary>
    public static readonly TableDefinition Leases = new(
        [TableColumns.Name, TableColumns.Text("Holder", "Identity of the current holder of the lease."), TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), Text(obj, "spec", "holderIdentity"), ObjectCells.Age(obj, now)]);

    /// <summary><c>resource: used/hard</c> pairs, sorted by resource, split into requests and <c>limits.*</c>.</summary>
    public static (string Requests, string Limits) QuotaUsage(JsonObject quota)
    {
        var requests = new List<string>();
        var limits = new List<string>();
        foreach (var (resource, hard) in StringMap(quota, "status", "hard"))
        {
            var used = Str(quota, "status", "used", resource) ?? "0";
            var isLimit = resource.Split('.') is [ "limits", _, .. ];
            (isLimit ? limits : requests).Add($"{resource}: {used}/{hard}");
        }

        return (string.Join(", ", requests), string.Join(", ", limits));
    }
}
