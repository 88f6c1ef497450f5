using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Selection;

/// <summary>
/// A parsed label selector: all requirements must hold. Built from the query-string syntax (<see cref="TryParse"/>)
/// or from the structured <c>matchLabels</c>/<c>matchExpressions</c> form of workload specs (<see cref="FromJson"/>).
/// </summary>
internal sealed class LabelSelector
{
    private readonly bool _matchesNothing;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements, bool matchesNothing = false)
    {
        Requirements = requirements;
        _matchesNothing = matchesNothing;
    }

    /// <summary>The selector that matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The selector that matches no object (a missing structured selector).</summary>
    public static LabelSelector Nothing { get; } = new([], matchesNothing: true);

    /// <summary>The requirements, sorted by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector does not restrict anything.</summary>
    public bool IsEmpty => !_matchesNothing && Requirements.Count == 0;

    /// <summary>Parses the string syntax; the empty string selects everything. Errors carry the real server's text.</summary>
    public static bool TryParse(string? text, out LabelSelector selector, out string error)
    {
        var requirements = LabelSelectorParser.Parse(text ?? "", out error);
        selector = requirements is null ? Nothing : requirements.Count == 0 ? Everything : new LabelSelector(requirements);
        return requirements is not null;
    }

    /// <summary>
    /// Converts a structured <c>metav1.LabelSelector</c>: null selects nothing, <c>{}</c> selects everything.
    /// An unknown operator or invalid key or value makes it fail with the real server's text.
    /// </summary>
    public static bool TryFromJson(JsonObject? selector, out LabelSelector result, out string error)
    {
        result = Nothing;
        error = "";
        if (selector is null)
        {
            return true;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in JsonRead.StringEntries(JsonRead.Object(selector, "matchLabels")))
        {
            if (!LabelRequirement.TryCreate(key, LabelOperator.Equals, [value], out var requirement, out error))
            {
                return false;
            }

            requirements.Add(requirement);
        }

        foreach (var expression in JsonRead.Array(selector, "matchExpressions") ?? [])
        {
            var name = JsonRead.String(expression, "operator") ?? "";
            LabelOperator? op = name switch
            {
                "In" => LabelOperator.In,
                "NotIn" => LabelOperator.NotIn,
                "Exists" => LabelOperator.Exists,
                "DoesNotExist" => LabelOperator.DoesNotExist,
                _ => null,
            };
            if (op is null)
            {
                error = $"{GoText.Quote(name)} is not a valid label selector operator";
                return false;
            }

            var values = JsonRead.Array(expression, "values")?.Select(v => JsonRead.Scalar(v) ?? "") ?? [];
            if (!LabelRequirement.TryCreate(JsonRead.String(expression, "key") ?? "", op.Value, values, out var requirement, out error))
            {
                return false;
            }

            requirements.Add(requirement);
        }

        result = requirements.Count == 0
            ? Everything
            : new LabelSelector([.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)]);
        return true;
    }

    /// <summary>Converts a structured selector that is known to be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static LabelSelector FromJson(JsonObject? selector) =>
        TryFromJson(selector, out var result, out var error) ? result : throw new FormatException(error);

    /// <summary>True when the labels satisfy every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        Matches(key => labels.TryGetValue(key, out var value) ? value : null);

    /// <summary>True when a JSON labels map (<c>metadata.labels</c>, possibly null) satisfies every requirement.</summary>
    public bool Matches(JsonObject? labels) =>
        Matches(key => labels is not null && labels.TryGetPropertyValue(key, out var value) ? JsonRead.Scalar(value) : null);

    /// <summary>True when an object's <c>metadata.labels</c> satisfy every requirement.</summary>
    public bool MatchesObject(JsonObject obj) => Matches(JsonRead.Object(obj, "metadata", "labels"));

    public override string ToString() => string.Join(",", Requirements);

    private bool Matches(Func<string, string?> label) => !_matchesNothing && Requirements.All(r => r.Matches(label));
}
