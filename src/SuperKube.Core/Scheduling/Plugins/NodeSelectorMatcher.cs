using System.Globalization;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// A compiled node selector: the pod's <c>nodeSelector</c> labels and the terms of its required node affinity
/// (terms are ORed; the expressions and fields of a term ANDed; a term without either matches nothing).
/// </summary>
internal sealed class NodeSelectorMatcher
{
    private readonly KeyValuePair<string, string>[] _labels;
    private readonly Requirement[][]? _terms;

    private NodeSelectorMatcher(KeyValuePair<string, string>[] labels, Requirement[][]? terms)
    {
        _labels = labels;
        _terms = terms;
    }

    /// <summary>True when the selector restricts nothing.</summary>
    public bool IsEmpty => _labels.Length == 0 && _terms is null;

    /// <summary>The pod's required node placement: nodeSelector plus requiredDuringScheduling node affinity.</summary>
    public static NodeSelectorMatcher Required(PodSpec? spec)
    {
        var labels = spec?.NodeSelector?.ToArray() ?? [];
        var terms = spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        return new NodeSelectorMatcher(labels, terms is null ? null : [.. terms.Select(Compile)]);
    }

    /// <summary>A single term (a preferred term of node affinity).</summary>
    public static NodeSelectorMatcher Term(NodeSelectorTerm term) => new([], [Compile(term)]);

    public bool Matches(NodeInfo node)
    {
        foreach (var (key, value) in _labels)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        if (_terms is null)
        {
            return true;
        }

        foreach (var term in _terms)
        {
            if (term.Length > 0 && term.All(r => r.Matches(node)))
            {
                return true;
            }
        }

        return false;
    }

    private static Requirement[] Compile(NodeSelectorTerm term) =>
    [
        .. (term.MatchExpressions ?? []).Select(e => Requirement.Create(e, field: false)),
        .. (term.MatchFields ?? []).Select(e => Requirement.Create(e, field: true)),
    ];

    private sealed class Requirement(string key, string op, HashSet<string> values, long? number, bool field)
    {
        public static Requirement Create(NodeSelectorRequirement r, bool field)
        {
            var values = new HashSet<string>(r.Values ?? [], StringComparer.Ordinal);
            long? number = r.Values is [var single] && long.TryParse(single, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
            return new Requirement(r.Key ?? "", r.Operator ?? "", values, number, field);
        }

        public bool Matches(NodeInfo node)
        {
            string? value;
            bool has;
            if (field)
            {
                // Only metadata.name is a supported field, with In and NotIn.
                if (key != "metadata.name" || op is not ("In" or "NotIn"))
                {
                    return false;
                }

                has = true;
                value = node.Name;
            }
            else
            {
                has = node.Labels.TryGetValue(key, out value);
            }

            return op switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                "Gt" or "Lt" => has && number is { } limit
                    && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
                    && (op == "Gt" ? actual > limit : actual < limit),
                _ => false,
            };
        }
    }
}
