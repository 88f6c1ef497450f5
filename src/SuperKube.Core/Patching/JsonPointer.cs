using System.Text;

namespace SuperKube.Patching;

/// <summary>RFC 6901 JSON pointers as used by JSON patch: <c>/a/b~1c/0</c>, with <c>~0</c> for <c>~</c> and <c>~1</c> for <c>/</c>.</summary>
internal static class JsonPointer
{
    /// <summary>The unescaped reference tokens of <paramref name="pointer"/>; empty for the whole document.</summary>
    public static string[] Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw PatchException.Invalid($"invalid JSON pointer \"{pointer}\": it must be empty or start with '/'");
        }

        return [.. pointer[1..].Split('/').Select(token => Unescape(token, pointer))];
    }

    /// <summary>
    /// Parses an array index token: decimal digits without leading zeros, or <c>-</c> (one past the end) when
    /// <paramref name="allowEnd"/>. The index must be below <paramref name="count"/>, or equal to it when
    /// <paramref name="allowEnd"/>.
    /// </summary>
    public static int ArrayIndex(string token, int count, bool allowEnd, string pointer)
    {
        if (allowEnd && token == "-")
        {
            return count;
        }

        var wellFormed = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');
        if (!wellFormed || !int.TryParse(token, out var index))
        {
            throw PatchException.Invalid($"invalid array index \"{token}\" in path \"{pointer}\"");
        }

        var limit = allowEnd ? count : count - 1;
        if (index > limit)
        {
            throw PatchException.Invalid($"array index {index} is out of range in path \"{pointer}\" (array length {count})");
        }

        return index;
    }

    private static string Unescape(string token, string pointer)
    {
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                builder.Append(token[i]);
                continue;
            }

            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            builder.Append(next switch
            {
                '0' => '~',
                '1' => '/',
                _ => throw PatchException.Invalid($"invalid escape sequence in JSON pointer \"{pointer}\": '~' must be followed by '0' or '1'"),
            });
            i++;
        }

        return builder.ToString();
    }
}
