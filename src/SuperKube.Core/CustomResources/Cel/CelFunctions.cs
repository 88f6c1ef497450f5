using System.Globalization;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// The CEL functions this server evaluates: <c>size</c>, the string functions (<c>startsWith</c>, <c>endsWith</c>,
/// <c>contains</c>, <c>matches</c>, <c>lowerAscii</c>, <c>upperAscii</c>, <c>trim</c>), the conversions (<c>int</c>,
/// <c>uint</c>, <c>double</c>, <c>string</c>, <c>bool</c>, <c>type</c>, <c>dyn</c>) and the optional helpers. Which
/// names and arities exist is declared once in <see cref="Declared"/> for the compile-time check.
/// </summary>
internal static class CelFunctions
{
    /// <summary>Supported functions: name → (arities as a global function, arities as a member function).</summary>
    public static readonly IReadOnlyDictionary<string, (int[] Global, int[] Member)> Declared = new Dictionary<string, (int[], int[])>(StringComparer.Ordinal)
    {
        ["size"] = ([1], [0]),
        ["startsWith"] = ([], [1]),
        ["endsWith"] = ([], [1]),
        ["contains"] = ([], [1]),
        ["matches"] = ([2], [1]),
        ["lowerAscii"] = ([], [0]),
        ["upperAscii"] = ([], [0]),
        ["trim"] = ([], [0]),
        ["int"] = ([1], []),
        ["uint"] = ([1], []),
        ["double"] = ([1], []),
        ["string"] = ([1], []),
        ["bool"] = ([1], []),
        ["type"] = ([1], []),
        ["dyn"] = ([1], []),
        ["orValue"] = ([], [1]),
        ["hasValue"] = ([], [0]),
        ["value"] = ([], [0]),
        ["optional.of"] = ([1], []),
        ["optional.none"] = ([0], []),
        ["optional.ofNonZeroValue"] = ([1], []),
    };

    /// <summary>Calls <paramref name="name"/>; for member calls <paramref name="args"/>[0] is the receiver.</summary>
    public static object? Call(string name, bool member, object?[] args)
    {
        var self = args.Length > 0 ? args[0] : null;
        var arg = args.Length > 1 ? args[1] : null;
        return name switch
        {
            "size" => Size(self),
            "startsWith" => Strings(name, self, arg, (s, p) => s.StartsWith(p, StringComparison.Ordinal)),
            "endsWith" => Strings(name, self, arg, (s, p) => s.EndsWith(p, StringComparison.Ordinal)),
            "contains" => Strings(name, self, arg, (s, p) => s.Contains(p, StringComparison.Ordinal)),
            "matches" => Strings(name, self, arg, CelRegex.Matches),
            "lowerAscii" => self is string s ? Ascii(s, lower: true) : throw CelOperators.NoOverload(name, self),
            "upperAscii" => self is string s ? Ascii(s, lower: false) : throw CelOperators.NoOverload(name, self),
            "trim" => self is string s ? s.Trim() : throw CelOperators.NoOverload(name, self),
            "int" => ToInt(self),
            "uint" => ToUint(self),
            "double" => ToDouble(self),
            "string" => CelValues.Format(self),
            "bool" => ToBool(self),
            "type" => new CelType(CelValues.TypeName(self)),
            "dyn" => self,
            "orValue" => self is CelOptional o ? (o.HasValue ? o.Value : arg) : throw CelOperators.NoOverload(name, self),
            "hasValue" => self is CelOptional o ? o.HasValue : throw CelOperators.NoOverload(name, self),
            "value" => self is CelOptional o ? (o.HasValue ? o.Value : throw new CelException("optional.none() dereference")) : throw CelOperators.NoOverload(name, self),
            "optional.of" => new CelOptional(true, self),
            "optional.none" => CelOptional.None,
            "optional.ofNonZeroValue" => IsZero(self) ? CelOptional.None : new CelOptional(true, self),
            _ => throw new CelException($"function '{name}' is not supported{(member ? " as a member function" : "")}"),
        };
    }

    /// <summary>The size of a string (in code points), list or map.</summary>
    public static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        List<object?> list => list.Count,
        Dictionary<object, object?> map => map.Count,
        _ => throw CelOperators.NoOverload("size", value),
    };

    private static bool Strings(string name, object? self, object? arg, Func<string, string, bool> test) =>
        self is string s && arg is string p ? test(s, p) : throw CelOperators.NoOverload(name, self, arg);

    private static string Ascii(string s, bool lower) =>
        string.Create(s.Length, (s, lower), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.s[i];
                span[i] = char.IsAscii(c) ? (state.lower ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)) : c;
            }
        });

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        ulong u => u <= long.MaxValue ? (long)u : throw new CelException("integer overflow"),
        double d => d is >= -9.223372036854775808e18 and < 9.223372036854775808e18 ? (long)d : throw new CelException("double is out of the int range"),
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : throw new CelException($"cannot convert '{s}' to int"),
        _ => throw CelOperators.NoOverload("int", value),
    };

    private static ulong ToUint(object? value) => value switch
    {
        ulong u => u,
        long l => l >= 0 ? (ulong)l : throw new CelException("unsigned integer overflow"),
        double d => d is >= 0 and < 1.8446744073709552e19 ? (ulong)d : throw new CelException("double is out of the uint range"),
        string s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : throw new CelException($"cannot convert '{s}' to uint"),
        _ => throw CelOperators.NoOverload("uint", value),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        long or ulong => CelValues.ToDouble(value),
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new CelException($"cannot convert '{s}' to double"),
        _ => throw CelOperators.NoOverload("double", value),
    };

    private static bool ToBool(object? value) => value switch
    {
        bool b => b,
        string s when s is "true" or "True" or "TRUE" or "t" or "1" => true,
        string s when s is "false" or "False" or "FALSE" or "f" or "0" => false,
        _ => throw new CelException($"no such overload or invalid value: bool({CelValues.TypeName(value)})"),
    };

    private static bool IsZero(object? value) => value switch
    {
        null => true,
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0,
        string s => s.Length == 0,
        bool b => !b,
        List<object?> list => list.Count == 0,
        Dictionary<object, object?> map => map.Count == 0,
        _ => false,
    };
}
