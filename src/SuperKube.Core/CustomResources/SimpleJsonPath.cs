using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.CustomResources;

/// <summary>
/// The part of Kubernetes JSONPath that printer columns, selectable fields and scale paths use in practice:
/// <c>.spec.size</c>, <c>.items[0]</c>, <c>.items[*].name</c>, <c>['a.b']</c> and filters such as
/// <c>.status.conditions[?(@.type=="Ready")].status</c> (<c>==</c> and <c>!=</c> against a string, number or boolean).
/// </summary>
internal sealed class SimpleJsonPath
{
    private readonly IReadOnlyList<Step> _steps;

    private SimpleJsonPath(string text, IReadOnlyList<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>True for a plain field path without indices or filters (<c>.spec.replicas</c>).</summary>
    public bool IsFieldPath => _steps.All(s => s.Field is not null);

    /// <summary>The field names of a plain field path.</summary>
    public IReadOnlyList<string> Fields => [.. _steps.Select(s => s.Field ?? "")];

    /// <summary>Parses an expression; throws <see cref="FormatException"/> when it uses unsupported syntax.</summary>
    public static SimpleJsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        if (body.StartsWith('{') && body.EndsWith('}'))
        {
            body = body[1..^1].Trim();
        }

        var reader = new Reader(body);
        if (reader.Peek == '$')
        {
            reader.Next();
        }

        var steps = new List<Step>();
        while (!reader.End)
        {
            steps.Add(reader.Peek switch
            {
                '.' => reader.Dot(),
                '[' => reader.Bracket(),
                _ => throw new FormatException($"unexpected '{reader.Peek}' in JSONPath \"{text}\""),
            });
        }

        return new SimpleJsonPath(text, steps);
    }

    /// <summary>Parses, or returns null for unsupported syntax.</summary>
    public static SimpleJsonPath? TryParse(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Every value the expression selects, in document order.</summary>
    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in _steps)
        {
            current = current.SelectMany(step.Apply).ToList();
        }

        return current.ToList();
    }

    /// <summary>The first selected value, or null.</summary>
    public JsonNode? First(JsonNode? root) => Evaluate(root) is [var first, ..] ? first : null;

    public override string ToString() => Text;

    private sealed record Step(string? Field, int? Index, bool All, Filter? Where)
    {
        public IEnumerable<JsonNode?> Apply(JsonNode? node)
        {
            if (Field is not null)
            {
                return node is JsonObject obj && obj.TryGetPropertyValue(Field, out var value) ? [value] : [];
            }

            if (Index is { } index)
            {
                return node is JsonArray array && (index < 0 ? array.Count + index : index) is var i && i >= 0 && i < array.Count ? [array[i]] : [];
            }

            var children = node switch
            {
                JsonArray array => array.ToList(),
                JsonObject obj when All => [.. obj.Select(p => p.Value)],
                _ => [],
            };
            return Where is null ? children : children.Where(Where.Matches);
        }
    }

    private sealed record Filter(SimpleJsonPath Left, bool Equal, JsonNode? Right)
    {
        public bool Matches(JsonNode? item)
        {
            var values = Left.Evaluate(item);
            var found = values.Count > 0 && JsonNode.DeepEquals(values[0], Right);
            return values.Count > 0 && (Equal ? found : !found);
        }
    }

    private ref struct Reader(string text)
    {
        private int _position;

        public readonly bool End => _position >= text.Length;

        public readonly char Peek => End ? '\0' : text[_position];

        public char Next() => text[_position++];

        public Step Dot()
        {
            Next();
            if (Peek == '*')
            {
                Next();
                return new Step(null, null, true, null);
            }

            var start = _position;
            while (!End && Peek is not ('.' or '['))
            {
                Next();
            }

            return start == _position ? throw new FormatException("empty field name in JSONPath") : new Step(text[start.._position], null, false, null);
        }

        public Step Bracket()
        {
            Next();
            var close = text.IndexOf(']', _position);
            if (Peek == '?')
            {
                close = text.IndexOf(")]", _position, StringComparison.Ordinal) + 1;
            }

            if (close <= 0)
            {
                throw new FormatException("unterminated '[' in JSONPath");
            }

            var inner = text[_position..close].Trim();
            _position = close + 1;
            if (inner == "*")
            {
                return new Step(null, null, true, null);
            }

            if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
            {
                return new Step(inner[1..^1], null, false, null);
            }

            if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
            {
                return new Step(null, index, false, null);
            }

            return inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')')
                ? new Step(null, null, false, ParseFilter(inner[2..^1]))
                : throw new FormatException($"unsupported JSONPath subscript [{inner}]");
        }

        private static Filter ParseFilter(string condition)
        {
            var equal = condition.IndexOf("==", StringComparison.Ordinal);
            var notEqual = condition.IndexOf("!=", StringComparison.Ordinal);
            var (at, isEqual) = equal >= 0 ? (equal, true) : (notEqual, false);
            if (at < 0 || !condition.TrimStart().StartsWith('@'))
            {
                throw new FormatException($"unsupported JSONPath filter ({condition})");
            }

            var left = condition[..at].Trim()[1..];
            var right = condition[(at + 2)..].Trim();
            if (right.Length >= 2 && right[0] == '\'' && right[^1] == '\'')
            {
                right = "\"" + right[1..^1] + "\"";
            }

            try
            {
                return new Filter(Parse(left), isEqual, JsonNode.Parse(right));
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new FormatException($"unsupported JSONPath filter value {right}", ex);
            }
        }
    }
}
