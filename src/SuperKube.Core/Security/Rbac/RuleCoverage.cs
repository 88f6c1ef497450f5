using System.Text;

namespace SuperKube.Security.Rbac;

/// <summary>
/// Whether one set of RBAC rules covers another (the escalation check of k8s.io/kubernetes/pkg/registry/rbac/validation):
/// the wanted rules are broken into atoms of one group, resource, verb and resource name (or one URL and verb), and each
/// atom must be covered by a single owned rule.
/// </summary>
internal static class RuleCoverage
{
    /// <summary>The atoms of <paramref name="wanted"/> that no rule of <paramref name="owned"/> covers; empty when covered.</summary>
    public static IReadOnlyList<PolicyRule> Uncovered(IReadOnlyList<PolicyRule> owned, IEnumerable<PolicyRule> wanted) =>
        [.. wanted.SelectMany(Breakdown).Where(atom => !owned.Any(rule => Covers(rule, atom)))];

    /// <summary>Splits a rule into rules with one verb, one group, one resource and at most one resource name (or one URL).</summary>
    public static IEnumerable<PolicyRule> Breakdown(PolicyRule rule)
    {
        foreach (var group in rule.ApiGroups)
        {
            foreach (var resource in rule.Resources)
            {
                foreach (var verb in rule.Verbs)
                {
                    if (rule.ResourceNames.Count == 0)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [], []);
                        continue;
                    }

                    foreach (var name in rule.ResourceNames)
                    {
                        yield return new PolicyRule([verb], [group], [resource], [name], []);
                    }
                }
            }
        }

        foreach (var url in rule.NonResourceUrls)
        {
            foreach (var verb in rule.Verbs)
            {
                yield return new PolicyRule([verb], [], [], [], [url]);
            }
        }
    }

    /// <summary>Whether <paramref name="owner"/> allows everything the atom <paramref name="atom"/> allows.</summary>
    public static bool Covers(PolicyRule owner, PolicyRule atom) =>
        (owner.Verbs.Contains("*") || atom.Verbs.All(owner.Verbs.Contains))
        && (owner.ApiGroups.Contains("*") || atom.ApiGroups.All(owner.ApiGroups.Contains))
        && atom.Resources.All(r => ResourceCovers(owner.Resources, r))
        && (atom.ResourceNames.Count == 0 ? owner.ResourceNames.Count == 0 : owner.ResourceNames.Count == 0 || atom.ResourceNames.All(owner.ResourceNames.Contains))
        && atom.NonResourceUrls.All(url => owner.NonResourceUrls.Any(o => UrlCovers(o, url)));

    /// <summary>
    /// <c>*</c>, the exact resource, or for a subresource <c>*/sub</c>, and (as <see cref="RuleMatcher"/> allows it)
    /// <c>resource/*</c>.
    /// </summary>
    private static bool ResourceCovers(IReadOnlyList<string> owned, string resource)
    {
        if (owned.Contains("*") || owned.Contains(resource))
        {
            return true;
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && (owned.Contains("*" + resource[slash..]) || owned.Contains(resource[..(slash + 1)] + "*"));
    }

    private static bool UrlCovers(string owned, string url) =>
        owned == url || (owned.EndsWith('*') && url.StartsWith(owned.TrimEnd('*'), StringComparison.Ordinal));

    /// <summary>Merges the atoms that differ only in their verb (one group, one resource, at most one name), keeping first-seen order.</summary>
    public static IReadOnlyList<PolicyRule> Compact(IEnumerable<PolicyRule> atoms)
    {
        var compacted = new List<PolicyRule>();
        var simple = new Dictionary<(string Group, string Resource, string Name), int>();
        foreach (var rule in atoms)
        {
            if (rule.NonResourceUrls.Count > 0 || rule.ApiGroups.Count != 1 || rule.Resources.Count != 1 || rule.ResourceNames.Count > 1)
            {
                compacted.Add(rule);
                continue;
            }

            var key = (rule.ApiGroups[0], rule.Resources[0], rule.ResourceNames.Count == 1 ? rule.ResourceNames[0] : "\0");
            if (simple.TryGetValue(key, out var index))
            {
                compacted[index] = compacted[index] with { Verbs = [.. compacted[index].Verbs, .. rule.Verbs] };
                continue;
            }

            simple[key] = compacted.Count;
            compacted.Add(rule);
        }

        return compacted;
    }

    /// <summary>The rule as kube-apiserver prints it in escalation errors: <c>{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}</c>.</summary>
    public static string CompactString(PolicyRule rule)
    {
        var parts = new List<string>();
        Add("APIGroups", rule.ApiGroups);
        Add("Resources", rule.Resources);
        Add("NonResourceURLs", rule.NonResourceUrls);
        Add("ResourceNames", rule.ResourceNames);
        Add("Verbs", rule.Verbs);
        return "{" + string.Join(", ", parts) + "}";

        void Add(string label, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add(label + ":" + QuotedList(values));
            }
        }
    }

    /// <summary>A list of strings as Go's <c>%q</c> prints a <c>[]string</c>: <c>["a" "b"]</c>.</summary>
    public static string QuotedList(IEnumerable<string> values) => "[" + string.Join(" ", values.Select(Quote)) + "]";

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append($"\\x{(int)c:x2}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
