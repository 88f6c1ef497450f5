using SuperKube.Validation;

namespace SuperKube.Selection;

/// <summary>
/// Parser of the label selector string syntax (<c>a=b,c!=d,e in (f,g),h notin (i),j,!k,l&gt;5</c>), following the
/// grammar and the error texts of apimachinery's <c>labels.Parse</c>.
/// </summary>
internal sealed class LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly List<(Token Kind, string Text)> _tokens;
    private int _position;

    private LabelSelectorParser(string text) => _tokens = Lex(text);

    private enum Token
    {
        End,
        OpenParen,
        CloseParen,
        Comma,
        Bang,
        Equals,
        DoubleEquals,
        NotEquals,
        GreaterThan,
        LessThan,
        In,
        NotIn,
        Identifier,
    }

    /// <summary>Parses <paramref name="text"/> into requirements sorted by key, or returns the error text.</summary>
    public static List<LabelRequirement>? Parse(string text, out string error) => new LabelSelectorParser(text).Parse(out error);

    private List<LabelRequirement>? Parse(out string error)
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (kind, text) = Peek(values: true);
            switch (kind)
            {
                case Token.Identifier or Token.Bang:
                    var requirement = ParseRequirement(out error);
                    if (requirement is null)
                    {
                        error = "unable to parse requirement: " + error;
                        return null;
                    }

                    requirements.Add(requirement);
                    var (next, nextText) = Next(values: true);
                    if (next == Token.End)
                    {
                        error = "";
                        return [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];
                    }

                    if (next != Token.Comma)
                    {
                        error = $"found '{nextText}', expected: ',' or 'end of string'";
                        return null;
                    }

                    var (after, afterText) = Peek(values: true);
                    if (after is not (Token.Identifier or Token.Bang))
                    {
                        error = $"found '{afterText}', expected: identifier after ','";
                        return null;
                    }

                    break;
                case Token.End:
                    error = "";
                    return [.. requirements.OrderBy(r => r.Key, StringComparer.Ordinal)];
                default:
                    error = $"found '{text}', expected: !, identifier, or 'end of string'";
                    return null;
            }
        }
    }

    private LabelRequirement? ParseRequirement(out string error)
    {
        LabelOperator? op = null;
        var (kind, key) = Next(values: true);
        if (kind == Token.Bang)
        {
            op = LabelOperator.DoesNotExist;
            (kind, key) = Next(values: true);
        }

        if (kind != Token.Identifier)
        {
            error = $"found '{key}', expected: identifier";
            return null;
        }

        var keyErrors = NameRules.IsQualifiedName(key);
        if (keyErrors.Count > 0)
        {
            // The real parser validates the key without a field path, hence "<nil>".
            error = $"<nil>: Invalid value: {GoText.Quote(key)}: {string.Join("; ", keyErrors)}";
            return null;
        }

        if (Peek(values: true).Kind is Token.End or Token.Comma)
        {
            op ??= LabelOperator.Exists;
        }

        IEnumerable<string> values = [];
        if (op is null)
        {
            op = ParseOperator(out error);
            if (op is null)
            {
                return null;
            }

            var parsed = op is LabelOperator.In or LabelOperator.NotIn ? ParseValueSet(out error) : ParseExactValue(out error);
            if (parsed is null)
            {
                return null;
            }

            values = parsed;
        }

        return LabelRequirement.TryCreate(key, op.Value, values, out var requirement, out error) ? requirement : null;
    }

    private LabelOperator? ParseOperator(out string error)
    {
        var (kind, text) = Next(values: false);
        error = "";
        switch (kind)
        {
            case Token.In: return LabelOperator.In;
            case Token.NotIn: return LabelOperator.NotIn;
            case Token.Equals: return LabelOperator.Equals;
            case Token.DoubleEquals: return LabelOperator.DoubleEquals;
            case Token.NotEquals: return LabelOperator.NotEquals;
            case Token.GreaterThan: return LabelOperator.GreaterThan;
            case Token.LessThan: return LabelOperator.LessThan;
            default:
                error = $"found '{text}', expected: {BinaryOperators}";
                return null;
        }
    }

    private List<string>? ParseValueSet(out string error)
    {
        var (kind, text) = Next(values: true);
        if (kind != Token.OpenParen)
        {
            error = $"found '{text}' expected: '('";
            return null;
        }

        (kind, text) = Peek(values: true);
        switch (kind)
        {
            case Token.Identifier or Token.Comma:
                var list = ParseValueList(out error);
                if (list is null)
                {
                    return null;
                }

                if (Next(values: true).Kind != Token.CloseParen)
                {
                    error = $"found '{text}', expected: ')'";
                    return null;
                }

                return list;
            case Token.CloseParen:
                Next(values: true);
                error = "";
                return [""];
            default:
                error = $"found '{text}', expected: ',', ')' or identifier";
                return null;
        }
    }

    // A possibly empty, comma separated list of possibly empty values; stops before ')'.
    private List<string>? ParseValueList(out string error)
    {
        var values = new List<string>();
        error = "";
        while (true)
        {
            var (kind, text) = Next(values: true);
            switch (kind)
            {
                case Token.Identifier:
                    values.Add(text);
                    var (next, nextText) = Peek(values: true);
                    if (next == Token.CloseParen)
                    {
                        return values;
                    }

                    if (next != Token.Comma)
                    {
                        error = $"found '{nextText}', expected: ',' or ')'";
                        return null;
                    }

                    break;
                case Token.Comma:
                    if (values.Count == 0)
                    {
                        values.Add(""); // "(,"
                    }

                    var following = Peek(values: true).Kind;
                    if (following == Token.CloseParen)
                    {
                        values.Add(""); // ",)"
                        return values;
                    }

                    if (following == Token.Comma)
                    {
                        Next(values: true);
                        values.Add(""); // ",,"
                    }

                    break;
                default:
                    error = $"found '{text}', expected: ',', or identifier";
                    return null;
            }
        }
    }

    private List<string>? ParseExactValue(out string error)
    {
        error = "";
        if (Peek(values: true).Kind is Token.End or Token.Comma)
        {
            return [""];
        }

        var (kind, text) = Next(values: true);
        if (kind == Token.Identifier)
        {
            return [text];
        }

        error = $"found '{text}', expected: identifier";
        return null;
    }

    // In value position the keywords 'in' and 'notin' are ordinary identifiers.
    private (Token Kind, string Text) Peek(bool values) => AsContext(_tokens[_position], values);

    private (Token Kind, string Text) Next(bool values)
    {
        var token = AsContext(_tokens[_position], values);
        if (_position < _tokens.Count - 1)
        {
            _position++;
        }

        return token;
    }

    private static (Token Kind, string Text) AsContext((Token Kind, string Text) token, bool values) =>
        values && token.Kind is Token.In or Token.NotIn ? (Token.Identifier, token.Text) : token;

    private static List<(Token Kind, string Text)> Lex(string text)
    {
        var tokens = new List<(Token, string)>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add((Token.End, ""));
                return tokens;
            }

            if (IsSpecial(text[i]))
            {
                var two = i + 1 < text.Length ? text.AsSpan(i, 2) : default;
                if (two is "==" or "!=")
                {
                    tokens.Add((two is "==" ? Token.DoubleEquals : Token.NotEquals, two.ToString()));
                    i += 2;
                    continue;
                }

                tokens.Add((text[i] switch
                {
                    '(' => Token.OpenParen,
                    ')' => Token.CloseParen,
                    ',' => Token.Comma,
                    '!' => Token.Bang,
                    '=' => Token.Equals,
                    '>' => Token.GreaterThan,
                    _ => Token.LessThan,
                }, text[i].ToString()));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !IsSpecial(text[i]) && !IsWhitespace(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            tokens.Add((word switch { "in" => Token.In, "notin" => Token.NotIn, _ => Token.Identifier }, word));
        }
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
