namespace SuperKube.Selection;

// Temporary equality-only selector; replaced by the full parser.
internal sealed class LabelSelector
{
    private readonly List<(string Key, string Value)> _pairs = [];

    public static bool TryParse(string text, out LabelSelector selector, out string error)
    {
        selector = new LabelSelector();
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            selector._pairs.Add((kv[0].Trim(), kv.Length > 1 ? kv[1].Trim() : ""));
        }

        return true;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        _pairs.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);
}
