using System.Globalization;
using System.Text;

namespace SuperKube.CustomResources.Cel;

/// <summary>
/// Splits a CEL expression into tokens: int (<c>1</c>, <c>0x1F</c>), uint (<c>1u</c>), double (<c>1.5</c>, <c>1e3</c>),
/// strings (single, double or triple quoted, raw with <c>r</c>, the CEL escapes), identifiers and punctuation.
/// Bytes literals are refused.
/// </summary>
internal static class CelLexer
{
    private static readonly string[] TwoCharPuncts = ["==", "!=", "<=", ">=", "&&", "||"];
    private const string OneCharPuncts = "<>+-*/%!?:.,[](){}";

    public static List<CelToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<CelToken>();
        var i = 0;
        while (true)
        {
            i = SkipSpace(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new CelToken(CelTokenKind.End, "", null, i));
                return tokens;
            }

            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(Number(text, ref i));
            }
            else if (c is '"' or '\'' || (c is 'r' or 'R' or 'b' or 'B' && i + 1 < text.Length && text[i + 1] is '"' or '\''))
            {
                tokens.Add(StringLiteral(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CelToken(CelTokenKind.Ident, text[start..i], null, start));
            }
            else if (i + 1 < text.Length && TwoCharPuncts.Contains(text.Substring(i, 2)))
            {
                tokens.Add(new CelToken(CelTokenKind.Punct, text.Substring(i, 2), null, i));
                i += 2;
            }
            else if (OneCharPuncts.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new CelToken(CelTokenKind.Punct, c.ToString(), null, i));
                i++;
            }
            else
            {
                throw new CelException($"Syntax error: token recognition error at: '{c}'", i);
            }
        }
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static CelToken Number(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            return Integer(text, start, text[(start + 2)..i], NumberStyles.AllowHexSpecifier, ref i);
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                isDouble = true;
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        if (isDouble)
        {
            return new CelToken(CelTokenKind.Double, text[start..i], double.Parse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture), start);
        }

        return Integer(text, start, text[start..i], NumberStyles.None, ref i);
    }

    private static CelToken Integer(string text, int start, string digits, NumberStyles style, ref int i)
    {
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var value))
        {
            throw new CelException($"Syntax error: invalid int literal '{text[start..i]}'", start);
        }

        if (i < text.Length && text[i] is 'u' or 'U')
        {
            i++;
            return new CelToken(CelTokenKind.Uint, text[start..i], value, start);
        }

        // Only -9223372036854775808 may exceed long.MaxValue; the parser folds the minus sign into it.
        return new CelToken(CelTokenKind.Int, text[start..i], value <= long.MaxValue ? (long)value : value, start);
    }

    private static CelToken StringLiteral(string text, ref int i)
    {
        var start = i;
        var raw = false;
        if (text[i] is 'b' or 'B')
        {
            throw new CelException("Syntax error: bytes literals are not supported by this server", start);
        }

        if (text[i] is 'r' or 'R')
        {
            raw = true;
            i++;
        }

        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || (!triple && text[i] == '\n'))
            {
                throw new CelException("Syntax error: unterminated string literal", start);
            }

            if (text[i] == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                i += triple ? 3 : 1;
                return new CelToken(CelTokenKind.String, text[start..i], sb.ToString(), start);
            }

            if (text[i] == '\\' && !raw)
            {
                Escape(text, ref i, sb);
            }
            else
            {
                sb.Append(text[i++]);
            }
        }
    }

    private static void Escape(string text, ref int i, StringBuilder sb)
    {
        var at = i;
        if (i + 1 >= text.Length)
        {
            throw new CelException("Syntax error: invalid escape sequence", at);
        }

        var c = text[i + 1];
        i += 2;
        switch (c)
        {
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'v': sb.Append('\v'); return;
            case '\\' or '\'' or '"' or '`' or '?': sb.Append(c); return;
            case 'x' or 'X': sb.Append(CodePoint(text, ref i, 2, 16, at)); return;
            case 'u': sb.Append(CodePoint(text, ref i, 4, 16, at)); return;
            case 'U': sb.Append(CodePoint(text, ref i, 8, 16, at)); return;
            case >= '0' and <= '3':
                i--;
                sb.Append(CodePoint(text, ref i, 3, 8, at));
                return;
            default: throw new CelException($"Syntax error: invalid escape sequence '\\{c}'", at);
        }
    }

    private static string CodePoint(string text, ref int i, int length, int radix, int at)
    {
        if (i + length > text.Length)
        {
            throw new CelException("Syntax error: invalid escape sequence", at);
        }

        try
        {
            var value = Convert.ToInt32(text.Substring(i, length), radix);
            i += length;
            return char.ConvertFromUtf32(value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new CelException("Syntax error: invalid escape sequence", at);
        }
    }
}
