namespace SuperKube.CustomResources.Cel;

/// <summary>
/// Evaluates a parsed CEL expression. Errors are <see cref="CelException"/>s, absorbed by <c>&amp;&amp;</c>, <c>||</c>,
/// <c>all</c> and <c>exists</c> when the other operands decide the result, as in CEL. Every step costs one unit, and
/// building strings or lists costs their size, so a hostile rule stops at the budget with a fatal error instead of
/// holding a request thread.
/// </summary>
internal sealed class CelEvaluator(long budget)
{
    private long _remaining = budget;

    /// <summary>Cost units left.</summary>
    public long Remaining => _remaining;

    /// <summary>Evaluates <paramref name="expr"/> with the given variables (<c>self</c>, <c>oldSelf</c>).</summary>
    public object? Evaluate(CelExpr expr, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(variables);
        Scope? scope = null;
        foreach (var (name, value) in variables)
        {
            scope = new Scope(name, value, scope);
        }

        return Eval(expr, scope);
    }

    private object? Eval(CelExpr e, Scope? scope)
    {
        Charge(1);
        return e.Kind switch
        {
            CelExprKind.Literal => e.Value,
            CelExprKind.Ident => Lookup(e.Name!, scope),
            CelExprKind.Select => Select(Eval(e.Target!, scope), e.Name!, e.Optional),
            CelExprKind.Index => Index(Eval(e.Target!, scope), Eval(e.Args[0], scope), e.Optional),
            CelExprKind.Has => Has(Eval(e.Target!, scope), e.Name!),
            CelExprKind.List => Sized(e.Args.Select(a => Eval(a, scope)).ToList()),
            CelExprKind.Map => MapLiteral(e, scope),
            CelExprKind.Comprehension => Comprehension(e, scope),
            _ => Call(e, scope),
        };
    }

    private void Charge(long units)
    {
        _remaining -= units;
        if (_remaining < 0)
        {
            throw new CelException("evaluation cost budget exceeded", -1, fatal: true);
        }
    }

    private object? Sized(object? value)
    {
        Charge(value switch
        {
            string s => s.Length / 16,
            List<object?> list => list.Count,
            Dictionary<object, object?> map => map.Count,
            _ => 0,
        });
        return value;
    }

    private static object? Lookup(string name, Scope? scope)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Name == name)
            {
                return s.Value;
            }
        }

        return CelType.Names.Contains(name) ? new CelType(name) : throw new CelException($"undeclared reference to '{name}'");
    }

    private static object? Select(object? target, string name, bool optional)
    {
        if (target is CelOptional chained)
        {
            return chained.HasValue ? Select(chained.Value, name, optional: true) : CelOptional.None;
        }

        if (target is not Dictionary<object, object?> map)
        {
            throw new CelException($"type '{CelValues.TypeName(target)}' does not support field selection");
        }

        var found = map.TryGetValue(name, out var value);
        if (optional)
        {
            return found ? new CelOptional(true, value) : CelOptional.None;
        }

        return found ? value : throw new CelException($"no such key: {name}");
    }

    private static object? Index(object? target, object? key, bool optional)
    {
        if (target is CelOptional chained)
        {
            return chained.HasValue ? Index(chained.Value, key, optional: true) : CelOptional.None;
        }

        object? value;
        bool found;
        switch (target)
        {
            case List<object?> list:
                var i = key switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when d % 1 == 0 && Math.Abs(d) < 9e18 => (long)d,
                    _ => throw CelOperators.NoOverload("_[_]", target, key),
                };
                found = i >= 0 && i < list.Count;
                value = found ? list[(int)i] : null;
                if (!found && !optional)
                {
                    throw new CelException($"index out of bounds: {i}");
                }

                break;
            case Dictionary<object, object?> map:
                found = key is not null && map.TryGetValue(key, out value);
                value = found ? map[key!] : null;
                if (!found && !optional)
                {
                    throw new CelException($"no such key: {CelValues.Format(key is string or long or ulong or bool or null ? key : "?")}");
                }

                break;
            default:
                throw CelOperators.NoOverload("_[_]", target, key);
        }

        return optional ? (found ? new CelOptional(true, value) : CelOptional.None) : value;
    }

    private static bool Has(object? target, string name) => target switch
    {
        Dictionary<object, object?> map => map.ContainsKey(name),
        _ => throw new CelException($"invalid type for field selection: {CelValues.TypeName(target)}"),
    };

    private Dictionary<object, object?> MapLiteral(CelExpr e, Scope? scope)
    {
        var map = new Dictionary<object, object?>();
        for (var i = 0; i < e.Args.Count; i += 2)
        {
            var key = Eval(e.Args[i], scope);
            if (key is not (string or long or ulong or bool))
            {
                throw new CelException($"unsupported key type: {CelValues.TypeName(key)}");
            }

            if (!map.TryAdd(key, Eval(e.Args[i + 1], scope)))
            {
                throw new CelException($"Failed with repeated key: {CelValues.Format(key)}");
            }
        }

        Sized(map);
        return map;
    }

    private object? Call(CelExpr e, Scope? scope)
    {
        switch (e.Name)
        {
            case "_&&_":
                return Logic(e, scope, decisive: false);
            case "_||_":
                return Logic(e, scope, decisive: true);
            case "_?_:_":
                return Eval(e.Args[0], scope) switch
                {
                    true => Eval(e.Args[1], scope),
                    false => Eval(e.Args[2], scope),
                    var other => throw CelOperators.NoOverload("_?_:_", other),
                };
            case "!_":
                return CelOperators.Not(Eval(e.Args[0], scope));
            case "-_":
                return CelOperators.Negate(Eval(e.Args[0], scope));
        }

        if (e.Name!.StartsWith('_'))
        {
            var left = Eval(e.Args[0], scope);
            var right = Eval(e.Args[1], scope);
            Charge(CostOf(left) + CostOf(right));
            return Sized(CelOperators.Binary(e.Name, left, right));
        }

        var args = new List<object?>(e.Args.Count + 1);
        if (e.Target is not null)
        {
            args.Add(Eval(e.Target, scope));
        }

        args.AddRange(e.Args.Select(a => Eval(a, scope)));
        Charge(args.Sum(CostOf));
        return Sized(CelFunctions.Call(e.Name, e.Target is not null, [.. args]));
    }

    private static long CostOf(object? value) => value switch
    {
        string s => s.Length / 16,
        List<object?> list => list.Count,
        Dictionary<object, object?> map => map.Count,
        _ => 0,
    };

    // && (decisive false) and || (decisive true): the decisive value wins over an error on the other side.
    private bool Logic(CelExpr e, Scope? scope, bool decisive)
    {
        var (left, leftError) = Try(e.Args[0], scope);
        if (left is bool l && l == decisive)
        {
            return decisive;
        }

        var (right, rightError) = Try(e.Args[1], scope);
        if (right is bool r && r == decisive)
        {
            return decisive;
        }

        if ((leftError ?? rightError) is { } error)
        {
            throw error;
        }

        return left is bool && right is bool ? !decisive : throw CelOperators.NoOverload(e.Name!, left, right);
    }

    private (object? Value, CelException? Error) Try(CelExpr e, Scope? scope)
    {
        try
        {
            return (Eval(e, scope), null);
        }
        catch (CelException ex) when (!ex.Fatal)
        {
            return (null, ex);
        }
    }

    private object? Comprehension(CelExpr e, Scope? scope)
    {
        var range = Eval(e.Target!, scope) switch
        {
            List<object?> list => list,
            Dictionary<object, object?> map => [.. map.Keys],
            var other => throw new CelException($"expression of type '{CelValues.TypeName(other)}' cannot be range of a comprehension"),
        };
        var results = new List<object?>();
        CelException? firstError = null;
        var count = 0;
        foreach (var item in range)
        {
            Charge(1);
            var inner = new Scope(e.Variable!, item, scope);
            switch (e.Name)
            {
                case "all" or "exists":
                    var decisive = e.Name == "exists";
                    var (value, error) = Try(e.Args[0], inner);
                    if (value is bool b && b == decisive)
                    {
                        return decisive;
                    }

                    firstError ??= error ?? (value is bool ? null : CelOperators.NoOverload(e.Name, value));
                    break;
                case "exists_one":
                    count += Predicate(e, inner) ? 1 : 0;
                    break;
                case "filter":
                    if (Predicate(e, inner))
                    {
                        results.Add(item);
                    }

                    break;
                default:
                    if (e.Args.Count == 1 || Predicate(e, inner))
                    {
                        results.Add(Eval(e.Args[^1], inner));
                    }

                    break;
            }
        }

        if (firstError is not null)
        {
            throw firstError;
        }

        return e.Name switch
        {
            "all" => true,
            "exists" => false,
            "exists_one" => count == 1,
            _ => results,
        };
    }

    private bool Predicate(CelExpr e, Scope scope) =>
        Eval(e.Args[0], scope) is bool b ? b : throw new CelException($"no such overload: the predicate of {e.Name} must be a bool");

    private sealed record Scope(string Name, object? Value, Scope? Parent);
}
