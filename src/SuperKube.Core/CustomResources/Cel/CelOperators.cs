namespace SuperKube.CustomResources.Cel;

/// <summary>
/// CEL's arithmetic, comparison and membership operators. Arithmetic needs operands of one type (no implicit
/// int/double mixing); int and uint overflow and division by zero are errors; comparisons work across numeric types.
/// </summary>
internal static class CelOperators
{
    public static object? Binary(string op, object? a, object? b) => op switch
    {
        "_+_" => Add(a, b),
        "_-_" => Arithmetic(op, a, b),
        "_*_" => Arithmetic(op, a, b),
        "_/_" => Arithmetic(op, a, b),
        "_%_" => Arithmetic(op, a, b),
        "_==_" => CelValues.Equal(a, b),
        "_!=_" => !CelValues.Equal(a, b),
        "_<_" or "_<=_" or "_>_" or "_>=_" => Relation(op, a, b),
        "_in_" => In(a, b),
        _ => throw new CelException($"no such overload: {op}"),
    };

    public static object? Negate(object? value) => value switch
    {
        long l => l == long.MinValue ? throw Overflow() : -l,
        double d => -d,
        _ => throw NoOverload("-_", value),
    };

    public static object Not(object? value) => value is bool b ? !b : throw NoOverload("!_", value);

    private static object? Add(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x + y,
        (List<object?> x, List<object?> y) => x.Concat(y).ToList(),
        _ => Arithmetic("_+_", a, b),
    };

    private static object Arithmetic(string op, object? a, object? b)
    {
        try
        {
            return (a, b) switch
            {
                (long x, long y) => (object)checked(op switch
                {
                    "_+_" => x + y,
                    "_-_" => x - y,
                    "_*_" => x * y,
                    "_/_" => y == 0 ? throw new CelException("division by zero") : x / y,
                    _ => y == 0 ? throw new CelException("modulus by zero") : x % y,
                }),
                (ulong x, ulong y) => (object)checked(op switch
                {
                    "_+_" => x + y,
                    "_-_" => x - y,
                    "_*_" => x * y,
                    "_/_" => y == 0 ? throw new CelException("division by zero") : x / y,
                    _ => y == 0 ? throw new CelException("modulus by zero") : x % y,
                }),
                (double x, double y) when op != "_%_" => (object)(op switch
                {
                    "_+_" => x + y,
                    "_-_" => x - y,
                    "_*_" => x * y,
                    _ => x / y,
                }),
                _ => throw NoOverload(op, a, b),
            };
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    private static bool Relation(string op, object? a, object? b)
    {
        var order = CelValues.Compare(a, b) ?? throw NoOverload(op, a, b);
        if (order == 2)
        {
            return false; // NaN is unordered
        }

        return op switch
        {
            "_<_" => order < 0,
            "_<=_" => order <= 0,
            "_>_" => order > 0,
            _ => order >= 0,
        };
    }

    private static bool In(object? element, object? container) => container switch
    {
        List<object?> list => list.Exists(item => CelValues.Equal(item, element)),
        Dictionary<object, object?> map => element is not null && (map.ContainsKey(element)
            || (element is long l && l >= 0 && map.ContainsKey((ulong)l)) || (element is ulong u && u <= long.MaxValue && map.ContainsKey((long)u))),
        _ => throw NoOverload("@in", element, container),
    };

    private static CelException Overflow() => new("integer overflow");

    public static CelException NoOverload(string function, params object?[] args) =>
        new($"no such overload: {function}({string.Join(", ", args.Select(CelValues.TypeName))})");
}
