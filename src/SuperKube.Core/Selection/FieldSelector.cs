namespace SuperKube.Selection;

// Temporary equality-only selector; replaced by the full parser.
internal sealed class FieldSelector
{
    private readonly List<(string Field, string Value)> _pairs = [];

    public IEnumerable<string> Fields => _pairs.Select(p => p.Field);

    public static bool TryParse(string text, out FieldSelector selector, out string error)
    {
        selector = new FieldSelector();
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            selector._pairs.Add((kv[0].Trim(), kv.Length > 1 ? kv[1].Trim() : ""));
        }

        return true;
    }

    public bool Matches(Func<string, string?> getField) => _pairs.All(p => getField(p.Field) == p.Value);
}
