using System.Text;
using System.Text.Json;
using SuperKube.Hashing;

namespace SuperKube.Model;

/// <summary>
/// A fixed table of recently read short strings (as compilers' string tables do), so the many models and cached
/// objects that repeat a namespace, image, label, node name, condition type or reason share one instance instead of
/// each holding a copy: a hit allocates nothing. Values that are long, escaped or not ASCII are read as usual, and a
/// miss replaces the table entry, so unique values (names, UIDs) only pass through.
/// </summary>
internal static class SharedStrings
{
    private const int MaxSharedLength = 128; // long enough for image IDs (repository@sha256:…)
    private static readonly string?[] Table = new string?[16384];

    /// <summary>The reader's current string value (a property name or a string token), from the table when there.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxSharedLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        ref var slot = ref Table[Slot(Fnv1a.Add(Fnv1a.Offset32, utf8))];
        if (Volatile.Read(ref slot) is { } candidate && Ascii.Equals(utf8, candidate))
        {
            return candidate;
        }

        var value = reader.GetString()!;
        if (Ascii.IsValid(utf8))
        {
            Volatile.Write(ref slot, value);
        }

        return value;
    }

    /// <summary>The table's instance equal to <paramref name="value"/>, or <paramref name="value"/> itself (then kept).</summary>
    public static string Share(string value)
    {
        if (value.Length > MaxSharedLength || !Ascii.IsValid(value))
        {
            return value;
        }

        ref var slot = ref Table[Slot(Fnv1a.Add(Fnv1a.Offset32, value.AsSpan()))]; // ASCII: the same slot as its bytes
        if (Volatile.Read(ref slot) is { } candidate && string.Equals(candidate, value, StringComparison.Ordinal))
        {
            return candidate;
        }

        Volatile.Write(ref slot, value);
        return value;
    }

    private static int Slot(uint hash) => (int)(hash & (uint)(Table.Length - 1));
}
