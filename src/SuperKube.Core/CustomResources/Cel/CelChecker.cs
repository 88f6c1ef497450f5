namespace SuperKube.CustomResources.Cel;

/// <summary>
/// The compile-time checks of a parsed rule: every identifier is declared (<c>self</c>, <c>oldSelf</c>, macro
/// variables, type names), every function exists with that arity, and functions of the upstream Kubernetes CEL
/// libraries that this server does not evaluate are refused with a clear message instead of failing at run time.
/// </summary>
internal static class CelChecker
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "indexOf", "lastIndexOf", "replace", "split", "join", "substring", "charAt", "format", "quote", "reverse",
        "isSorted", "sum", "min", "max", "sort", "sortBy", "distinct", "flatten", "slice", "range", "first", "last",
        "url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
        "ip", "isIP", "cidr", "isCIDR", "quantity", "isQuantity", "semver", "isSemver", "base64.encode", "base64.decode",
        "timestamp", "duration", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds", "bytes", "transformList", "transformMap",
        "transformMapEntry", "optMap", "optFlatMap", "or", "sets.contains", "sets.equivalent", "sets.intersects",
        "lists.range", "strings.quote", "math.greatest", "math.least", "math.ceil", "math.floor", "math.round", "math.abs",
        "math.sign", "math.isNaN", "math.isInf", "math.isFinite", "math.bitAnd", "math.bitOr", "math.bitXor", "math.bitNot",
        "math.bitShiftLeft", "math.bitShiftRight", "math.trunc", "pattern", "authorizer", "validate",
    };

    /// <summary>Throws a <see cref="CelException"/> at the first problem; returns whether <c>oldSelf</c> is used.</summary>
    public static bool Check(CelExpr expr, IReadOnlyCollection<string> variables)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var usesOldSelf = false;
        Walk(expr, [.. variables], ref usesOldSelf);
        return usesOldSelf;
    }

    private static void Walk(CelExpr e, HashSet<string> scope, ref bool usesOldSelf)
    {
        if (e.Kind == CelExprKind.Comprehension)
        {
            Walk(e.Target!, scope, ref usesOldSelf);
            var inner = new HashSet<string>(scope, StringComparer.Ordinal) { e.Variable! };
            foreach (var arg in e.Args)
            {
                Walk(arg, inner, ref usesOldSelf);
            }

            return;
        }

        // A namespaced function such as sets.contains(...) is reported by its full name.
        if (e is { Kind: CelExprKind.Call, Target: { Kind: CelExprKind.Ident } receiver } && !scope.Contains(receiver.Name!))
        {
            Function(e);
        }

        if (e.Target is not null)
        {
            Walk(e.Target, scope, ref usesOldSelf);
        }

        foreach (var arg in e.Args)
        {
            Walk(arg, scope, ref usesOldSelf);
        }

        if (e.Kind == CelExprKind.Ident)
        {
            if (!scope.Contains(e.Name!) && !CelType.Names.Contains(e.Name!))
            {
                throw new CelException($"undeclared reference to '{e.Name}' (in container '')", e.Position);
            }

            usesOldSelf |= e.Name == "oldSelf";
        }
        else if (e.Kind == CelExprKind.Call && !e.Name!.StartsWith('_') && e.Name is not ("!_" or "-_"))
        {
            Function(e);
        }
    }

    private static void Function(CelExpr e)
    {
        var member = e.Target is not null;
        var name = e.Name!;
        if (member && e.Target!.Kind == CelExprKind.Ident && Unsupported.Contains($"{e.Target.Name}.{name}"))
        {
            throw NotSupported($"{e.Target.Name}.{name}", e.Position);
        }

        if (CelFunctions.Declared.TryGetValue(name, out var arities))
        {
            if (!(member ? arities.Member : arities.Global).Contains(e.Args.Count))
            {
                throw new CelException($"found no matching overload for '{name}' applied to {e.Args.Count} argument(s){(member ? " on a receiver" : "")}", e.Position);
            }

            return;
        }

        throw Unsupported.Contains(name)
            ? NotSupported(name, e.Position)
            : new CelException($"undeclared reference to '{name}' (in container '')", e.Position);
    }

    private static CelException NotSupported(string name, int position) =>
        new($"function '{name}' is not supported by this server (see the supported CEL subset in docs/custom-resources.md)", position);
}
