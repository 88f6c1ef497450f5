using System.Collections.Concurrent;
using SuperKube.Model.Core;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A parsed pod (anti-)affinity term: which pods it selects (namespaces, namespace selector, label selector) and
/// the topology key that defines "together".
/// </summary>
internal sealed class AffinityTerm
{
    // Pods stamped from one template carry equal terms; sharing one instance lets plugins decide a term once per attempt.
    private const int MaxInterned = 10_000;
    private static readonly ConcurrentDictionary<string, AffinityTerm> Interned = new(StringComparer.Ordinal);

    private AffinityTerm(HashSet<string> namespaces, LabelMatcher namespaceSelector, LabelMatcher selector, string topologyKey, int weight)
    {
        Namespaces = namespaces;
        NamespaceSelector = namespaceSelector;
        Selector = selector;
        TopologyKey = topologyKey;
        Weight = weight;
    }

    public HashSet<string> Namespaces { get; }

    public LabelMatcher NamespaceSelector { get; }

    public LabelMatcher Selector { get; }

    public string TopologyKey { get; }

    /// <summary>The weight of a preferred term; 0 for required terms.</summary>
    public int Weight { get; }

    public static AffinityTerm From(PodAffinityTerm term, string podNamespace, IReadOnlyDictionary<string, string> podLabels, int weight = 0)
    {
        var namespaces = new HashSet<string>(term.Namespaces ?? [], StringComparer.Ordinal);
        if (namespaces.Count == 0 && term.NamespaceSelector is null)
        {
            namespaces.Add(podNamespace);
        }

        // matchLabelKeys / mismatchLabelKeys: the incoming pod's own label values become part of the selector.
        var selector = LabelMatcher.From(term.LabelSelector);
        if (term.LabelSelector is not null && term.MatchLabelKeys is { Count: > 0 } keys)
        {
            selector = selector.With(keys.Where(podLabels.ContainsKey).Select(k => (k, podLabels[k])));
        }

        if (term.LabelSelector is not null && term.MismatchLabelKeys is { Count: > 0 } mismatch)
        {
            selector = selector.With(mismatch.Where(podLabels.ContainsKey).Select(k => (k, podLabels[k])), "NotIn");
        }

        var key = string.Join("|", string.Join(",", namespaces.Order(StringComparer.Ordinal)), Describe(term.NamespaceSelector), selector.Key, term.TopologyKey, weight);
        if (Interned.TryGetValue(key, out var existing))
        {
            return existing;
        }

        if (Interned.Count >= MaxInterned)
        {
            Interned.Clear();
        }

        return Interned.GetOrAdd(key, _ => new AffinityTerm(namespaces, LabelMatcher.From(term.NamespaceSelector), selector, term.TopologyKey ?? "", weight));
    }

    private static string Describe(Model.Meta.LabelSelector? selector) => selector is null ? "<none>" : LabelMatcher.From(selector).Key;

    /// <summary>True when the term selects <paramref name="pod"/>.</summary>
    public bool Matches(PodInfo pod, ISchedulerSnapshot snapshot)
    {
        if (!Namespaces.Contains(pod.Namespace))
        {
            if (NamespaceSelector.IsEverything)
            {
                return Selector.Matches(pod.Labels);
            }

            var nsLabels = snapshot.NamespaceLabels(pod.Namespace);
            if (nsLabels is null || !NamespaceSelector.Matches(nsLabels))
            {
                return false;
            }
        }

        return Selector.Matches(pod.Labels);
    }
}
