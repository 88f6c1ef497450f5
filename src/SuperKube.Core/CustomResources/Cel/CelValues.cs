using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// The CEL value model: long (int), ulong (uint), double, string, bool, null, <see cref="List{T}"/> (list),
/// <see cref="Dictionary{TKey, TValue}"/> (map), <see cref="CelType"/> and <see cref="CelOptional"/>; conversion from
/// JSON guided by the structural schema (a <c>number</c> field is a double even when integral), equality and ordering.
/// </summary>
internal static class CelValues
{
    /// <summary>The CEL value of a JSON node; <paramref name="schema"/> decides int versus double.</summary>
    public static object? FromJson(JsonNode? node, StructuralSchema? schema) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => (object)p.Key, p => FromJson(p.Value, schema?.Property(p.Key))),
        JsonArray array => array.Select(item => FromJson(item, schema?.Items)).ToList(),
        JsonValue v => Scalar(v, schema),
        _ => null,
    };

    private static object? Scalar(JsonValue v, StructuralSchema? schema)
    {
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                return v.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                var text = v.ToJsonString();
                if (schema?.Type != "number" && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return integer;
                }

                var number = GoNumber.ToDouble(v);
                return schema?.Type == "integer" && number % 1 == 0 && Math.Abs(number) < 9.2e18 ? (long)number : number;
            default:
                return null;
        }
    }

    /// <summary>The CEL type name of a value: int, uint, double, string, bool, null_type, list, map, type.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "null_type",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        bool => "bool",
        List<object?> => "list",
        Dictionary<object, object?> => "map",
        CelType => "type",
        CelOptional => "optional_type",
        _ => value.GetType().Name,
    };

    public static bool IsNumber(object? value) => value is long or ulong or double;

    /// <summary>CEL equality: numbers compare across int, uint and double; lists and maps deeply; other types by value.</summary>
    public static bool Equal(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a!, b!) == 0;
        }

        switch (a, b)
        {
            case (List<object?> x, List<object?> y):
                return x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second));
            case (Dictionary<object, object?> x, Dictionary<object, object?> y):
                return x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var other) && Equal(p.Value, other));
            default:
                return Equals(a, b);
        }
    }

    /// <summary>The ordering of two values of comparable types (numbers, strings, bools), or null when not comparable.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return CompareNumbers(a!, b!);
        }

        return (a, b) switch
        {
            (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
            (bool x, bool y) => x.CompareTo(y),
            _ => null,
        };
    }

    private static int CompareNumbers(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (ulong x, ulong y) => x.CompareTo(y),
        (long x, ulong y) => x < 0 ? -1 : ((ulong)x).CompareTo(y),
        (ulong x, long y) => y < 0 ? 1 : x.CompareTo((ulong)y),
        _ => double.IsNaN(ToDouble(a)) || double.IsNaN(ToDouble(b)) ? 2 : ToDouble(a).CompareTo(ToDouble(b)),
    };

    public static double ToDouble(object number) => number switch
    {
        long l => l,
        ulong u => u,
        _ => (double)number,
    };

    /// <summary>A value as <c>string()</c> renders it.</summary>
    public static string Format(object? value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => GoNumber.Format(d),
        bool b => b ? "true" : "false",
        null => "null",
        CelType t => t.Name,
        _ => throw new CelException($"no such overload: string({TypeName(value)})"),
    };
}
