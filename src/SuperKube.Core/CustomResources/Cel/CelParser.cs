namespace SuperKube.CustomResources.Cel;

/// <summary>
/// Recursive-descent parser of the CEL grammar (conditional, ||, &amp;&amp;, relations, additive, multiplicative,
/// unary, member access, primaries) into <see cref="CelExpr"/>. Expands the macros <c>has</c>, <c>all</c>,
/// <c>exists</c>, <c>exists_one</c>, <c>map</c> and <c>filter</c>. Nesting is bounded so a hostile rule cannot exhaust
/// the stack.
/// </summary>
internal sealed class CelParser
{
    private const int MaxDepth = 64;
    private const int MaxTreeDepth = 250;
    private static readonly string[] Relations = ["<", "<=", ">", ">=", "==", "!="];
    private static readonly string[] Macros = ["all", "exists", "exists_one", "map", "filter"];
    private readonly List<CelToken> _tokens;
    private int _next;
    private int _depth;

    private CelParser(List<CelToken> tokens) => _tokens = tokens;

    private CelToken Current => _tokens[_next];

    public static CelExpr Parse(string text)
    {
        var parser = new CelParser(CelLexer.Tokenize(text));
        var expr = parser.Expression();
        if (parser.Current.Kind != CelTokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        if (TreeDepth(expr) > MaxTreeDepth)
        {
            throw new CelException($"expression nesting exceeds the limit of {MaxTreeDepth} levels", 0);
        }

        return expr;
    }

    // Long operator chains (a + a + ... + a) build deep trees without deep parsing; the checker and the evaluator
    // recurse over the tree, so its depth is bounded here, measured without recursion.
    private static int TreeDepth(CelExpr root)
    {
        var deepest = 0;
        var pending = new Stack<(CelExpr Expr, int Depth)>();
        pending.Push((root, 1));
        while (pending.TryPop(out var item))
        {
            deepest = Math.Max(deepest, item.Depth);
            if (item.Expr.Target is { } target)
            {
                pending.Push((target, item.Depth + 1));
            }

            foreach (var arg in item.Expr.Args)
            {
                pending.Push((arg, item.Depth + 1));
            }
        }

        return deepest;
    }

    private CelExpr Expression()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelException("Syntax error: expression nesting exceeds the limit of " + MaxDepth, Current.Position);
        }

        var condition = Binary(0);
        if (Current.Is("?"))
        {
            var at = Take().Position;
            var then = Binary(0);
            Expect(":");
            var otherwise = Expression();
            condition = Call("_?_:_", at, condition, then, otherwise);
        }

        _depth--;
        return condition;
    }

    // Levels: 0 ||, 1 &&, 2 relations, 3 additive, 4 multiplicative.
    private CelExpr Binary(int level)
    {
        if (level == 5)
        {
            return Unary();
        }

        var left = Binary(level + 1);
        while (Operator(level) is { } op)
        {
            var at = Take().Position;
            left = Call($"_{op}_", at, left, Binary(level + 1));
        }

        return left;
    }

    private string? Operator(int level)
    {
        var token = Current;
        return level switch
        {
            0 when token.Is("||") => "||",
            1 when token.Is("&&") => "&&",
            2 when token.Kind == CelTokenKind.Punct && Relations.Contains(token.Text) => token.Text,
            2 when token.Kind == CelTokenKind.Ident && token.Text == "in" => "in",
            3 when token.Is("+") || token.Is("-") => token.Text,
            4 when token.Is("*") || token.Is("/") || token.Is("%") => token.Text,
            _ => null,
        };
    }

    // Prefix operators are read in a loop, not by recursion, so a long run of them cannot exhaust the stack.
    private CelExpr Unary()
    {
        var prefixes = new List<CelToken>();
        while (Current.Is("!") || Current.Is("-"))
        {
            prefixes.Add(Take());
        }

        CelExpr operand;
        if (prefixes.Count > 0 && prefixes[^1].Is("-") && Current.Kind == CelTokenKind.Int
            && _tokens[_next + 1] is var after && !after.Is(".") && !after.Is("["))
        {
            var minus = prefixes[^1];
            prefixes.RemoveAt(prefixes.Count - 1);
            var literal = Take();
            operand = literal.Value switch
            {
                long value => Literal(-value, minus.Position),
                ulong big when big == 1UL << 63 => Literal(long.MinValue, minus.Position),
                _ => throw new CelException($"Syntax error: invalid int literal '-{literal.Text}'", minus.Position),
            };
        }
        else
        {
            operand = Member(Primary());
        }

        for (var i = prefixes.Count - 1; i >= 0; i--)
        {
            operand = Call(prefixes[i].Is("!") ? "!_" : "-_", prefixes[i].Position, operand);
        }

        return operand;
    }

    private CelExpr Member(CelExpr expr)
    {
        while (true)
        {
            if (Current.Is("."))
            {
                var at = Take().Position;
                var optional = Current.Is("?");
                if (optional)
                {
                    Take();
                }

                var name = ExpectIdent();
                if (!optional && Current.Is("("))
                {
                    expr = MemberCall(expr, name, at);
                }
                else
                {
                    expr = new CelExpr(CelExprKind.Select, at) { Target = expr, Name = name.Text, Optional = optional };
                }
            }
            else if (Current.Is("["))
            {
                var at = Take().Position;
                var optional = Current.Is("?");
                if (optional)
                {
                    Take();
                }

                var index = Expression();
                Expect("]");
                expr = new CelExpr(CelExprKind.Index, at) { Target = expr, Args = [index], Optional = optional };
            }
            else
            {
                return expr;
            }
        }
    }

    private CelExpr MemberCall(CelExpr target, CelToken name, int at)
    {
        var args = Arguments();
        if (Macros.Contains(name.Text) && args.Count is 2 or 3 && args[0].Kind == CelExprKind.Ident
            && (args.Count == 2 || name.Text == "map"))
        {
            return new CelExpr(CelExprKind.Comprehension, name.Position)
            {
                Name = name.Text,
                Target = target,
                Variable = args[0].Name,
                Args = args.Skip(1).ToList(),
            };
        }

        if (target.Kind == CelExprKind.Ident && target.Name == "optional")
        {
            return new CelExpr(CelExprKind.Call, name.Position) { Name = "optional." + name.Text, Args = args };
        }

        return new CelExpr(CelExprKind.Call, name.Position) { Name = name.Text, Target = target, Args = args };
    }

    private CelExpr Primary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case CelTokenKind.Int when token.Value is long:
            case CelTokenKind.Uint:
            case CelTokenKind.Double:
            case CelTokenKind.String:
                return Literal(token.Value, token.Position);
            case CelTokenKind.Int:
                throw new CelException($"Syntax error: invalid int literal '{token.Text}'", token.Position);
            case CelTokenKind.Ident:
                return Identifier(token);
        }

        if (token.Is("."))
        {
            return Identifier(ExpectIdent());
        }

        if (token.Is("("))
        {
            var inner = Expression();
            Expect(")");
            return inner;
        }

        if (token.Is("["))
        {
            return new CelExpr(CelExprKind.List, token.Position) { Args = Items("]", pairs: false) };
        }

        if (token.Is("{"))
        {
            return new CelExpr(CelExprKind.Map, token.Position) { Args = Items("}", pairs: true) };
        }

        throw Unexpected(token);
    }

    private CelExpr Identifier(CelToken token)
    {
        switch (token.Text)
        {
            case "true": return Literal(true, token.Position);
            case "false": return Literal(false, token.Position);
            case "null": return Literal(null, token.Position);
            case "in": throw Unexpected(token);
        }

        if (!Current.Is("("))
        {
            return new CelExpr(CelExprKind.Ident, token.Position) { Name = token.Text };
        }

        var args = Arguments();
        if (token.Text == "has")
        {
            if (args is not [{ Kind: CelExprKind.Select, Optional: false } select])
            {
                throw new CelException("invalid argument to has() macro", token.Position);
            }

            return new CelExpr(CelExprKind.Has, token.Position) { Target = select.Target, Name = select.Name };
        }

        return new CelExpr(CelExprKind.Call, token.Position) { Name = token.Text, Args = args };
    }

    private List<CelExpr> Arguments()
    {
        Expect("(");
        return Items(")", pairs: false);
    }

    private List<CelExpr> Items(string close, bool pairs)
    {
        var items = new List<CelExpr>();
        while (!Current.Is(close))
        {
            items.Add(Expression());
            if (pairs)
            {
                Expect(":");
                items.Add(Expression());
            }

            if (!Current.Is(","))
            {
                break;
            }

            Take();
        }

        Expect(close);
        return items;
    }

    private CelToken Take()
    {
        var token = _tokens[_next];
        if (token.Kind != CelTokenKind.End)
        {
            _next++;
        }

        return token;
    }

    private void Expect(string punct)
    {
        if (!Current.Is(punct))
        {
            throw new CelException($"Syntax error: missing '{punct}' at {Describe(Current)}", Current.Position);
        }

        Take();
    }

    private CelToken ExpectIdent()
    {
        if (Current.Kind != CelTokenKind.Ident)
        {
            throw new CelException($"Syntax error: expected an identifier at {Describe(Current)}", Current.Position);
        }

        return Take();
    }

    private static CelException Unexpected(CelToken token) =>
        new($"Syntax error: mismatched input {Describe(token)}", token.Position);

    private static string Describe(CelToken token) => token.Kind == CelTokenKind.End ? "'<EOF>'" : $"'{token.Text}'";

    private static CelExpr Literal(object? value, int at) => new(CelExprKind.Literal, at) { Value = value };

    private static CelExpr Call(string name, int at, params CelExpr[] args) => new(CelExprKind.Call, at) { Name = name, Args = args };
}
