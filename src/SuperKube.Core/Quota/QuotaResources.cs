using SuperKube.Registry;

namespace SuperKube.Quota;

/// <summary>
/// Which objects each ResourceQuota resource name counts: <c>pods</c> and the compute names (<c>requests.cpu</c>,
/// <c>limits.memory</c>, <c>cpu</c>, <c>memory</c>, ...) count pods; <c>services</c>, <c>configmaps</c>, ... and
/// <c>count/&lt;plural&gt;[.&lt;group&gt;]</c> count objects of that resource.
/// </summary>
internal static class QuotaResources
{
    private static readonly Dictionary<string, string> CoreCounts = new(StringComparer.Ordinal)
    {
        ["pods"] = "pods",
        ["services"] = "services",
        ["services.nodeports"] = "services",
        ["services.loadbalancers"] = "services",
        ["configmaps"] = "configmaps",
        ["secrets"] = "secrets",
        ["persistentvolumeclaims"] = "persistentvolumeclaims",
        ["replicationcontrollers"] = "replicationcontrollers",
        ["resourcequotas"] = "resourcequotas",
    };

    /// <summary>True for names measured in CPU cores (shown as <c>500m</c>).</summary>
    public static bool IsCpu(string name) => name is "cpu" or "requests.cpu" or "limits.cpu";

    /// <summary>True for names measured in bytes (shown with binary suffixes such as <c>256Mi</c>).</summary>
    public static bool IsBytes(string name) =>
        name is "memory" or "requests.memory" or "limits.memory" or "ephemeral-storage" or "requests.ephemeral-storage" or "limits.ephemeral-storage" or "requests.storage";

    /// <summary>The (group, plural) a quota resource name counts, or null when we do not track it.</summary>
    public static (string Group, string Plural)? Counted(string name)
    {
        if (IsCpu(name) || IsBytes(name))
        {
            return name == "requests.storage" ? ("", "persistentvolumeclaims") : ("", "pods");
        }

        if (CoreCounts.TryGetValue(name, out var plural))
        {
            return ("", plural);
        }

        if (name.StartsWith("count/", StringComparison.Ordinal))
        {
            var resource = name["count/".Length..];
            var dot = resource.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? ("", resource) : (resource[(dot + 1)..], resource[..dot]);
        }

        return null;
    }

    /// <summary>Whether a quota name counts objects of <paramref name="type"/>.</summary>
    public static bool Counts(string name, ResourceType type) => Counted(name) is { } counted && counted.Group == type.Group && counted.Plural == type.Plural;
}
