using System.Numerics;

namespace SuperKube.Hashing;

/// <summary>
/// FNV-1a, 32 and 64 bits: a cheap non-cryptographic hash for short inputs. Start from <see cref="Offset32"/> or
/// <see cref="Offset64"/> and chain <c>Add</c> over bytes or characters (one UTF-16 unit per step, so an ASCII string
/// and its UTF-8 bytes hash alike) or single units such as separators.
/// </summary>
internal static class Fnv1a
{
    public const uint Offset32 = 2166136261;
    public const ulong Offset64 = 14695981039346656037;

    private const uint Prime32 = 16777619;
    private const ulong Prime64 = 1099511628211;

    public static uint Add<TUnit>(uint hash, ReadOnlySpan<TUnit> units) where TUnit : IBinaryInteger<TUnit>
    {
        foreach (var unit in units)
        {
            hash = Add(hash, uint.CreateTruncating(unit));
        }

        return hash;
    }

    public static ulong Add<TUnit>(ulong hash, ReadOnlySpan<TUnit> units) where TUnit : IBinaryInteger<TUnit>
    {
        foreach (var unit in units)
        {
            hash = Add(hash, ulong.CreateTruncating(unit));
        }

        return hash;
    }

    public static uint Add(uint hash, uint unit) => (hash ^ unit) * Prime32;

    public static ulong Add(ulong hash, ulong unit) => (hash ^ unit) * Prime64;
}
