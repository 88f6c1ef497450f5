using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Cache;

/// <summary>
/// Indexes of the bound pods that keep inter-pod affinity off the all-pods scan: pods by label pair, and the
/// required anti-affinity terms of pods (interned, so pods of one template share one entry) with the number of
/// pods per topology domain that carry each.
/// </summary>
internal sealed class PodIndex
{
    private readonly Dictionary<string, Dictionary<string, HashSet<PodInfo>>> _byLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<AffinityTerm, TopologyCounts> _antiAffinity = new(ReferenceEqualityComparer.Instance);

    /// <summary>Pods whose affinity adds to other pods' scores: preferred terms or required affinity.</summary>
    public int ScoringAffinityPods { get; private set; }

    public IEnumerable<KeyValuePair<AffinityTerm, TopologyCounts>> RequiredAntiAffinity => _antiAffinity;

    /// <summary>Adds (delta 1) or removes (-1) a pod placed on a node with these labels.</summary>
    public void Update(PodInfo pod, IReadOnlyDictionary<string, string> nodeLabels, int delta)
    {
        foreach (var (key, value) in pod.Labels)
        {
            if (!_byLabel.TryGetValue(key, out var values))
            {
                values = new Dictionary<string, HashSet<PodInfo>>(StringComparer.Ordinal);
                _byLabel[key] = values;
            }

            if (!values.TryGetValue(value, out var pods))
            {
                pods = new HashSet<PodInfo>(ReferenceEqualityComparer.Instance);
                values[value] = pods;
            }

            if (delta > 0)
            {
                pods.Add(pod);
            }
            else
            {
                pods.Remove(pod);
            }
        }

        foreach (var term in pod.RequiredAntiAffinityTerms)
        {
            if (nodeLabels.TryGetValue(term.TopologyKey, out var domain))
            {
                if (!_antiAffinity.TryGetValue(term, out var counts))
                {
                    counts = new TopologyCounts();
                    _antiAffinity[term] = counts;
                }

                counts.Add(term.TopologyKey, domain, delta);
                if (counts.Count == 0)
                {
                    _antiAffinity.Remove(term);
                }
            }
        }

        if (pod.RequiredAffinityTerms.Length + pod.PreferredAffinityTerms.Length + pod.PreferredAntiAffinityTerms.Length > 0)
        {
            ScoringAffinityPods += delta;
        }
    }

    /// <summary>
    /// The pods that can match the selector: the smallest set among its required label pairs, or null when the
    /// selector requires no pair (then every pod must be checked).
    /// </summary>
    public IReadOnlyCollection<PodInfo>? Candidates(LabelMatcher selector)
    {
        IReadOnlyCollection<PodInfo>? best = null;
        foreach (var (key, value) in selector.RequiredPairs)
        {
            IReadOnlyCollection<PodInfo> pods = _byLabel.TryGetValue(key, out var values) && values.TryGetValue(value, out var set) ? set : [];
            if (best is null || pods.Count < best.Count)
            {
                best = pods;
            }
        }

        return best;
    }
}
