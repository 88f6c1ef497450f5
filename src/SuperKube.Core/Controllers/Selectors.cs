using System.Text.Json.Nodes;
using SuperKube.Selection;
using ModelSelector = SuperKube.Model.Meta.LabelSelector;

namespace SuperKube.Controllers;

/// <summary>Label selectors of typed objects: a model <c>LabelSelector</c> as a matcher, and matching label maps.</summary>
internal static class Selectors
{
    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>The matcher of a selector: null selects nothing, an empty one everything, an invalid one nothing.</summary>
    public static LabelSelector From(ModelSelector? selector) =>
        LabelSelector.TryFromJson(ModelJson.ToNode(selector) as JsonObject, out var result, out _) ? result : LabelSelector.Nothing;

    public static bool Matches(LabelSelector selector, IDictionary<string, string>? labels) =>
        selector.Matches(labels as IReadOnlyDictionary<string, string> ?? (labels is null ? Empty : new Dictionary<string, string>(labels)));

    /// <summary>True when every label of <paramref name="subset"/> is in <paramref name="labels"/> with the same value.</summary>
    public static bool ContainsAll(IDictionary<string, string>? labels, IDictionary<string, string>? subset)
    {
        if (subset is null)
        {
            return true;
        }

        foreach (var (key, value) in subset)
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
