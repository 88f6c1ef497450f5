using SuperKube.Model.Meta;

namespace SuperKube.Scheduling.Framework;

/// <summary>
/// A compiled metav1.LabelSelector for the hot paths of the scheduler: no allocation per match. A null selector
/// matches nothing, an empty one everything (as upstream).
/// </summary>
internal sealed class LabelMatcher
{
    private readonly (string Key, string Op, HashSet<string>? Values)[] _requirements;
    private readonly bool _nothing;

    private LabelMatcher((string, string, HashSet<string>?)[] requirements, bool nothing)
    {
        _requirements = requirements;
        _nothing = nothing;
    }

    public static LabelMatcher Nothing { get; } = new([], nothing: true);

    public static LabelMatcher Everything { get; } = new([], nothing: false);

    public bool IsEverything => !_nothing && _requirements.Length == 0;

    /// <summary>The <c>key = value</c> pairs every matching label set has (from matchLabels and single-value In).</summary>
    public IEnumerable<(string Key, string Value)> RequiredPairs =>
        _requirements.Where(r => r.Op == "In" && r.Values!.Count == 1).Select(r => (r.Key, r.Values!.First())); // In always has values

    /// <summary>A canonical text of the selector, equal for equal selectors.</summary>
    public string Key => _nothing
        ? "<nothing>"
        : string.Join(",", _requirements
            .Select(r => $"{r.Key} {r.Op} {string.Join(";", (r.Values ?? []).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));

    public static LabelMatcher From(LabelSelector? selector)
    {
        if (selector is null)
        {
            return Nothing;
        }

        var requirements = new List<(string, string, HashSet<string>?)>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add((key, "In", new HashSet<string>(StringComparer.Ordinal) { value }));
        }

        foreach (var e in selector.MatchExpressions ?? [])
        {
            var op = e.Operator ?? "";
            if (op is not ("In" or "NotIn" or "Exists" or "DoesNotExist"))
            {
                return Nothing;
            }

            requirements.Add((e.Key ?? "", op, op is "In" or "NotIn" ? new HashSet<string>(e.Values ?? [], StringComparer.Ordinal) : null));
        }

        return requirements.Count == 0 ? Everything : new LabelMatcher([.. requirements], nothing: false);
    }

    /// <summary>A copy with extra <c>key In (value)</c> (or NotIn) requirements: matchLabelKeys and mismatchLabelKeys.</summary>
    public LabelMatcher With(IEnumerable<(string Key, string Value)> pairs, string op = "In")
    {
        var extra = pairs.Select(e => (e.Key, op, (HashSet<string>?)new HashSet<string>(StringComparer.Ordinal) { e.Value })).ToArray();
        return extra.Length == 0 || _nothing ? this : new LabelMatcher([.. _requirements, .. extra], nothing: false);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (_nothing)
        {
            return false;
        }

        foreach (var (key, op, values) in _requirements)
        {
            var has = labels.TryGetValue(key, out var value);
            var ok = op switch
            {
                "In" => has && values!.Contains(value!),
                "NotIn" => !has || !values!.Contains(value!),
                "Exists" => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
