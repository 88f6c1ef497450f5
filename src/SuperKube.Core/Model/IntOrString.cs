using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>
/// A value that is either an integer or a string on the wire, such as a port number or port name, or a count or
/// a percentage (<c>maxSurge: 25%</c>). The default value is the integer zero.
/// </summary>
[Description("An integer or a string: a port number or name, or a count or percentage.")]
[JsonConverter(typeof(IntOrStringJsonConverter))]
public readonly struct IntOrString : IEquatable<IntOrString>
{
    private readonly string? _stringValue;

    /// <summary>Creates an integer value.</summary>
    public IntOrString(int value) => IntValue = value;

    /// <summary>Creates a string value.</summary>
    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _stringValue = value;
    }

    /// <summary>True when the value is a string.</summary>
    public bool IsString => _stringValue is not null;

    /// <summary>The integer; zero when the value is a string.</summary>
    public int IntValue { get; }

    /// <summary>The string, or the integer formatted invariantly.</summary>
    public string StringValue => _stringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public static bool operator ==(IntOrString left, IntOrString right) => left.Equals(right);

    public static bool operator !=(IntOrString left, IntOrString right) => !left.Equals(right);

    /// <summary>
    /// Resolves a count or a percentage of <paramref name="total"/>: an integer is returned as is, <c>"25%"</c> is
    /// 25 percent of the total, rounded up or down. Other strings are rejected.
    /// </summary>
    public int GetScaledValue(int total, bool roundUp)
    {
        if (_stringValue is null)
        {
            return IntValue;
        }

        if (!_stringValue.EndsWith('%') ||
            !int.TryParse(_stringValue.AsSpan(0, _stringValue.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException($"invalid value for IntOrString: invalid type: string is not a percentage: \"{_stringValue}\"");
        }

        var scaled = (long)percent * total;
        return (int)(roundUp ? (scaled + 99) / 100 : scaled / 100);
    }

    public bool Equals(IntOrString other) => _stringValue == other._stringValue && IntValue == other.IntValue;

    public override bool Equals(object? obj) => obj is IntOrString other && Equals(other);

    public override int GetHashCode() => _stringValue is null ? IntValue : StringComparer.Ordinal.GetHashCode(_stringValue);

    public override string ToString() => StringValue;
}
